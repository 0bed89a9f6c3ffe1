import { z } from 'zod';
import { Language } from '../../sync/protocol/localized.js';
import { FeedbackKind, MAX_FEEDBACK_MESSAGE, MAX_PROPOSAL_TITLE } from '../../sync/protocol/submission.js';
import { MAX_CONTACT } from '../../sync/protocol/contact.js';
import { Answer } from '../../sync/protocol/survey.js';
import { SESSION_END_REASONS } from '../core/kioskCore.js';
import type { HandlerName } from './contract.js';

const noArgs = z.undefined().or(z.object({}).strict());
const sessionId = z.uuid();
const technicianId = z.uuid();
const speechRate = z.number().int().min(80).max(450);

/**
 * Each handler's argument, written once: checked at the host boundary by
 * these schemas and typed in the contract (KioskHandlers) by `ArgsOf`.
 * Runtime checks for every handler's argument, at the host boundary: the
 * renderer is trusted code, but a bug or a stray page must get a clear
 * "bad-request" naming the field, never a half-written row.
 */
export const argSchemas = {
  'app.info': noArgs,
  'app.memory': noArgs,
  'session.start': z.object({ language: Language }),
  'session.setLanguage': z.object({ sessionId, language: Language }),
  'session.end': z.object({ sessionId, reason: z.enum(SESSION_END_REASONS) }),
  'rating.submit': z.object({
    sessionId,
    serviceId: z.string().min(1).max(64),
    score: z.number().int().min(1).max(5),
    comment: z.string().max(2000).optional(),
    /** A finished voice message of this session, sent instead of (or with) the typed comment. */
    recordingId: z.uuid().optional(),
  }),
  'feedback.submit': z.object({
    sessionId,
    kind: FeedbackKind,
    serviceId: z.string().min(1).max(64),
    message: z.string().max(MAX_FEEDBACK_MESSAGE, `at most ${MAX_FEEDBACK_MESSAGE} characters`).optional(),
    recordingId: z.uuid().optional(),
    contact: z.string().max(MAX_CONTACT).optional(),
    consentToContact: z.boolean(),
    /** Told at the contact when it is received and answered: an e-mail or a Georgian mobile number, else refused naming `notifyMe`. */
    notifyMe: z.boolean().optional(),
  }),
  'survey.submit': z.object({
    sessionId,
    surveyId: z.string().min(1).max(64),
    answers: z.record(z.string().min(1).max(64), Answer),
    /** Voice answers to free-text questions: question id -> the recording made in this session. */
    recordings: z.record(z.string().min(1).max(64), z.uuid()).optional(),
  }),
  // The personal number's format is checked by the handler, so its message never echoes what was typed.
  'vote.submit': z.object({
    sessionId,
    ballotId: z.string().min(1).max(64),
    choices: z.array(z.string().min(1).max(64)).min(1).max(10),
    personalNumber: z.string().max(40).optional(),
  }),
  'proposal.submit': z.object({
    sessionId,
    title: z.string().max(MAX_PROPOSAL_TITLE, `at most ${MAX_PROPOSAL_TITLE} characters`),
    description: z.string().max(MAX_FEEDBACK_MESSAGE, `at most ${MAX_FEEDBACK_MESSAGE} characters`).optional(),
    recordingId: z.uuid().optional(),
    contact: z.string().max(MAX_CONTACT).optional(),
    /** Tell the visitor the decision at `contact` (an e-mail or a Georgian mobile number). */
    notifyMe: z.boolean().optional(),
  }),
  'feedback.lookup': z.object({ code: z.string().max(40) }),
  'feedback.reopen': z.object({ code: z.string().max(40) }),
  // Long text is accepted and cut by the speech service (with a warning), so a 10,000-character comment read back never fails.
  'speech.say': z.object({ text: z.string().max(20_000), language: Language, rate: speechRate, private: z.boolean() }),
  'speech.prefetch': z.object({ texts: z.array(z.string().max(20_000)).max(200), language: Language, rate: speechRate }),
  'recorder.start': z.object({ sessionId }),
  'recorder.stop': z.object({ recordingId: z.uuid() }),
  'recorder.discard': z.object({ recordingId: z.uuid() }),
  'sync.status': noArgs,
  'sync.now': noArgs,
  'technician.enter': z.object({ pin: z.string().max(64) }),
  'technician.leave': z.object({ technicianId, reason: z.enum(['left', 'idle']) }),
  'technician.diagnostics': z.object({ technicianId }),
  'technician.settings': z.object({ technicianId }),
  // Only the types here: the ranges are the config schema's, checked when the file is written, naming the setting.
  'technician.saveSettings': z.object({
    technicianId,
    change: z
      .object({
        languages: z.array(Language).max(10).readonly(),
        defaultLanguage: Language,
        deskId: z.string().max(64),
        services: z.array(z.string().max(64)).max(100).readonly(),
        idleTimeoutSec: z.number(),
        idleWarningSec: z.number(),
        speechRate: z.number(),
        speechVolume: z.number(),
        headsetIsOutput: z.boolean(),
        recordLimitSec: z.number(),
        inputDevice: z.string().max(200),
        outputDevice: z.string().max(200),
      })
      .partial()
      .strict(),
  }),
  'technician.enrolment': z.object({ technicianId }),
  'technician.enrol': z.object({ technicianId, token: z.string().min(16).max(128) }),
  'technician.media': z.object({ technicianId }),
  'technician.deadLetters': z.object({ technicianId }),
  'technician.retryDeadLetter': z.object({ technicianId, id: z.uuid() }),
  'technician.exportDeadLetters': z.object({ technicianId, medium: z.string().min(1).max(255) }),
  'technician.audioInputs': z.object({ technicianId }),
  'technician.microphoneTest': z.object({ technicianId }),
  'technician.selfTest': z.object({ technicianId, test: z.enum(['speaker', 'touch', 'screen']) }),
} satisfies Record<HandlerName, z.ZodType>;

/** A handler's argument as the schema above accepts it: the contract's argument types are these. */
export type ArgsOf<K extends keyof typeof argSchemas> = z.infer<(typeof argSchemas)[K]>;
