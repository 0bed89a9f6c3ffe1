import type { KioskCore } from '../core/kioskCore.js';
import type { AppInfo, KioskHandlerImpls } from './contract.js';
import { KioskApiError } from './errors.js';

/** The implementations of the contract over one kiosk core. */
export function createKioskHandlers(core: KioskCore): KioskHandlerImpls {
  const { config } = core;
  const openSession = (sessionId: string) => {
    const session = core.sessions.find(sessionId);
    if (!session) throw new KioskApiError('not-found', 'This visitor session has ended', 'sessionId');
    return session;
  };
  // Read at each call: a technician's saved settings change what the UI is told at once.
  const appInfo = (): AppInfo => ({
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
    audio: {
      // Where the jack is reported, it decides: headphones in mean the sound reaches only the visitor.
      headsetIsOutput: core.headsetPlugged() ?? config.audio.headsetIsOutput,
      recordLimitSec: config.audio.recordLimitSec,
      outputDevice: config.audio.outputDevice,
      inputDevice: config.audio.inputDevice,
    },
    publicUrl: (config.central.publicUrl ?? config.central.url).replace(/\/+$/, ''),
  });
  const { technician } = core;

  return {
    'app.info': appInfo,
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
    // Each submit is the core's, along its one submission path; a Refusal there becomes a bad-request or not-found answer.
    'rating.submit': (args) => core.submit.rating(args),
    'feedback.submit': (args) => core.submit.feedback(args),
    'survey.submit': (args) => core.submit.survey(args),
    'vote.submit': (args) => core.submit.vote(args),
    'proposal.submit': (args) => core.submit.proposal(args),
    'feedback.lookup': ({ code }) => core.feedback.lookup(code),
    'feedback.reopen': ({ code }) => core.feedback.reopen(code),
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
    'technician.enter': ({ pin }) => technician.enter(pin),
    'technician.leave': async ({ technicianId, reason }) => {
      await technician.leave(technicianId, reason);
      return null;
    },
    'technician.diagnostics': ({ technicianId }) => technician.diagnostics(technicianId),
    'technician.settings': ({ technicianId }) => technician.settings(technicianId),
    'technician.saveSettings': ({ technicianId, change }) => ({ changed: technician.saveSettings(technicianId, change), info: appInfo() }),
    'technician.enrolment': ({ technicianId }) => technician.enrolment(technicianId),
    'technician.enrol': ({ technicianId, token }) => technician.enrol(technicianId, token),
    'technician.media': ({ technicianId }) => technician.media(technicianId),
    'technician.deadLetters': ({ technicianId }) => technician.deadLetters(technicianId),
    'technician.retryDeadLetter': ({ technicianId, id }) => technician.retryDeadLetter(technicianId, id),
    'technician.exportDeadLetters': ({ technicianId, medium }) => technician.exportDeadLetters(technicianId, medium),
    'technician.audioInputs': ({ technicianId }) => technician.audioInputs(technicianId),
    'technician.microphoneTest': ({ technicianId }) => technician.microphoneTest(technicianId),
    'technician.selfTest': ({ technicianId, test }) => {
      technician.selfTestRun(technicianId, test);
      return null;
    },
  };
}
