import { join } from 'node:path';
import { DEMO_CONTENT_FILE } from '../../kiosk-config/demo/demoContentFile.js';
import { demoBallot } from '../../kiosk-config/demo/demoBallot.js';
import { demoSurvey } from '../../kiosk-config/demo/demoSurvey.js';
import { KioskConfig } from '../../kiosk-config/schema.js';
import { createDispatcher } from '../../src-main/api/dispatch.js';
import { createKioskHandlers } from '../../src-main/api/handlers.js';
import { createKioskCore, type KioskCore } from '../../src-main/core/kioskCore.js';
import type { VisitKind } from './branchDay.js';
import type { KioskLink } from './kioskLink.js';

/** What a kiosk told its visitor was saved: the fleet's check looks for each of these at Central, once. */
export interface SavedVisit {
  readonly kioskId: string;
  readonly id: string;
  readonly kind: VisitKind;
}

export interface SimKiosk {
  readonly id: string;
  readonly branchId: string;
  readonly core: KioskCore;
  readonly link: KioskLink;
  visit(kind: VisitKind, voter: string | undefined): Promise<SavedVisit>;
}

type Call = ReturnType<typeof createDispatcher>;
const SURVEY_ANSWERS = {
  visits: { choice: 'monthly' },
  online: { choice: 'no' },
  priorities: { order: ['online-queue', 'home-delivery', 'mobile-office', 'sign-language', 'evening-hours'] },
  informed: { choices: ['sms'] },
  today: { value: 4 },
} as const;
/** Long enough for arecord to write a real WAV from the file-fed capture device, short enough for a fleet. */
const VOICE_MS = 600;

const value = async <T>(pending: ReturnType<Call>): Promise<T> => {
  const result = await pending;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
};

/** One visitor's few presses, through the kiosk's own API as its screens make them, ending the session as "finished". */
async function act(call: Call, kind: VisitKind, voter: string | undefined): Promise<string> {
  const { sessionId } = await value<{ sessionId: string }>(call('session.start', { language: 'ka' }));
  const serviceId = 'civil-registry';
  const saved = async (method: Parameters<Call>[0], args: object) => (await value<{ id: string }>(call(method, args))).id;
  let id: string;
  if (kind === 'rating') id = await saved('rating.submit', { sessionId, serviceId, score: 1 + (sessionId.charCodeAt(35) % 5) });
  else if (kind === 'survey') id = await saved('survey.submit', { sessionId, surveyId: demoSurvey.id, answers: SURVEY_ANSWERS });
  else if (kind === 'vote')
    id = await saved('vote.submit', { sessionId, ballotId: demoBallot.id, choices: ['step-free'], personalNumber: voter });
  else if (kind === 'proposal') id = await saved('proposal.submit', { sessionId, title: 'საღამოს სამუშაო საათები რეგიონებში' });
  else {
    const message = kind === 'feedback' ? 'რიგი ძალიან ნელა მოძრაობს, ოპერატორი ერთია.' : undefined;
    let recordingId: string | undefined;
    if (kind === 'voice-feedback') {
      ({ recordingId } = await value<{ recordingId: string }>(call('recorder.start', { sessionId })));
      await new Promise((resolve) => setTimeout(resolve, VOICE_MS));
      await value(call('recorder.stop', { recordingId }));
    }
    id = await saved('feedback.submit', { sessionId, kind: 'complaint', serviceId, message, recordingId, consentToContact: false });
  }
  await value(call('session.end', { sessionId, reason: 'finished' }));
  return id;
}

/**
 * A kiosk of the fleet: the real kiosk core (its SQLite outbox, its sync
 * client on its own timers, its witness of the record) behind its own
 * network line, with the demo content and a one-time enrolment token.
 * Only the screens are missing: a visit calls the same API they call.
 */
export function startSimKiosk(options: {
  readonly id: string;
  readonly branchId: string;
  readonly deskId: string;
  readonly token: string;
  readonly link: KioskLink;
  readonly dataDir: string;
  /** The ALSA device the voice messages are recorded from (a file-fed capture device: no microphone here). */
  readonly inputDevice: string;
}): SimKiosk {
  const core = createKioskCore(
    KioskConfig.parse({
      kioskId: options.id,
      branchId: options.branchId,
      desk: { id: options.deskId, services: ['civil-registry'] },
      // Production's sync timers (15 s between rounds, backoff from 2 s): the lag measured is the one a branch would see.
      central: { url: options.link.url, enrolmentToken: options.token },
      starterContent: DEMO_CONTENT_FILE,
      dataDir: join(options.dataDir, options.id),
      audio: { inputDevice: options.inputDevice },
    }),
  );
  const call = createDispatcher(createKioskHandlers(core));
  return {
    id: options.id,
    branchId: options.branchId,
    core,
    link: options.link,
    async visit(kind, voter) {
      const id = await act(call, kind, voter);
      return { kioskId: options.id, id, kind };
    },
  };
}
