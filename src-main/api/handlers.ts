import type { KioskCore } from '../core/kioskCore.js';
import type { KioskHandlerImpls } from './contract.js';
import { KioskApiError } from './errors.js';
import { createFeedbackHandlers } from './feedbackHandlers.js';
import { createSurveyHandlers } from './surveyHandlers.js';
import { createVoteHandlers } from './voteHandlers.js';
import { createProposalHandlers } from './proposalHandlers.js';

/** The implementations of the contract over one kiosk core. */
export function createKioskHandlers(core: KioskCore): KioskHandlerImpls {
  const { config } = core;
  const openSession = (sessionId: string) => {
    const session = core.sessions.find(sessionId);
    if (!session) throw new KioskApiError('not-found', 'This visitor session has ended', 'sessionId');
    return session;
  };

  return {
    'app.info': () => ({
      kioskId: config.kioskId,
      branchId: config.branchId,
      deskId: config.desk.id,
      serviceIds: config.desk.services,
      languages: config.languages,
      defaultLanguage: config.defaultLanguage,
      idleTimeoutSec: config.idleTimeoutSec,
      idleWarningSec: config.idleWarningSec,
      keyMap: config.keyMap,
      speech: { rate: config.speech.rate, volume: config.speech.volume },
      audio: { headsetIsOutput: config.audio.headsetIsOutput, recordLimitSec: config.audio.recordLimitSec },
      publicUrl: (config.central.publicUrl ?? config.central.url).replace(/\/+$/, ''),
    }),
    'app.memory': () => {
      // Live memory, not garbage waiting to be collected, when the host allows it (the benchmark starts it so).
      (globalThis as { gc?: () => void }).gc?.();
      const { rss, heapUsed, external } = process.memoryUsage();
      return { rss, heapUsed, external };
    },
    'session.start': ({ language }) => {
      const content = core.content.latest();
      // A new visitor never hears (or can fetch) the previous one's private phrases.
      core.speech.forgetPrivate();
      const session = core.sessions.start(language, content.version);
      return { sessionId: session.id, content, canLeaveContact: core.sync.sealingKey() !== undefined };
    },
    'session.setLanguage': ({ sessionId, language }) => {
      openSession(sessionId);
      core.sessions.setLanguage(sessionId, language);
      return null;
    },
    'session.end': async ({ sessionId, reason }) => {
      core.sessions.end(sessionId, reason);
      core.speech.forgetPrivate();
      // ACCESSIBILITY.md item 6: what the visitor recorded and did not send leaves with them.
      await core.recorder.discardSession(sessionId);
      return null;
    },
    'rating.submit': ({ sessionId, serviceId, score, comment, recordingId }) => {
      const session = openSession(sessionId);
      const content = core.content.get(session.contentVersion);
      if (!content?.services.some((service) => service.id === serviceId)) {
        throw new KioskApiError('bad-request', `Unknown service "${serviceId}"`, 'serviceId');
      }
      const trimmed = comment?.trim();
      const recording = recordingId === undefined ? undefined : core.recorder.finishedFor(recordingId, sessionId);
      if (recordingId !== undefined && !recording)
        throw new KioskApiError('not-found', 'No finished voice message with this id in this session', 'recordingId');
      const saved = core.enqueue({
        payload: {
          type: 'rating',
          serviceId,
          deskId: config.desk.id,
          score,
          ...(trimmed ? { comment: trimmed } : {}),
          language: session.language,
        },
        sessionId,
        contentVersion: session.contentVersion,
        attachments: recording
          ? [{ name: 'voice-message.wav', path: recording.path, size: recording.size, sha256: recording.sha256, contentType: 'audio/wav' }]
          : [],
      });
      if (recordingId !== undefined) core.recorder.handOver(recordingId);
      core.sync.nudge();
      return saved;
    },
    ...createFeedbackHandlers(core),
    ...createSurveyHandlers(core),
    ...createVoteHandlers(core),
    ...createProposalHandlers(core),
    'speech.say': ({ text, language, rate, private: isPrivate }) => core.speech.speak({ text, language, rate, private: isPrivate }),
    'speech.prefetch': ({ texts, language, rate }) => {
      core.speech.prefetch(texts, language, rate);
      return null;
    },
    'recorder.start': ({ sessionId }) => {
      openSession(sessionId);
      return core.recorder.start(sessionId);
    },
    'recorder.stop': async ({ recordingId }) => {
      const end = await core.recorder.stop(recordingId);
      if (!end) throw new KioskApiError('not-found', 'No recording with this id', 'recordingId');
      return end;
    },
    'recorder.discard': async ({ recordingId }) => {
      await core.recorder.discard(recordingId);
      return null;
    },
    'sync.status': () => core.sync.status(),
    'sync.now': async () => {
      await core.sync.syncNow();
      return core.sync.status();
    },
    'sync.deadLetters': () => core.deadLetters.list(),
    'sync.retryDeadLetter': async ({ id }) => {
      if (!core.deadLetters.retry(id)) throw new KioskApiError('not-found', 'No dead letter with this id', 'id');
      await core.sync.syncNow();
      return core.sync.status();
    },
    'sync.exportDeadLetters': () => core.deadLetters.export(),
    'sync.reenrol': ({ token }) => core.sync.reenrol(token),
  };
}
