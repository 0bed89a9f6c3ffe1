import type { KioskCore } from '../core/kioskCore.js';
import type { KioskHandlerImpls } from './contract.js';
import { KioskApiError } from './errors.js';

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
    }),
    'session.start': ({ language }) => {
      const content = core.content.latest();
      const session = core.sessions.start(language, content.version);
      return { sessionId: session.id, content };
    },
    'session.setLanguage': ({ sessionId, language }) => {
      openSession(sessionId);
      core.sessions.setLanguage(sessionId, language);
      return null;
    },
    'session.end': ({ sessionId, reason }) => {
      core.sessions.end(sessionId, reason);
      return null;
    },
    'rating.submit': ({ sessionId, serviceId, score, comment }) => {
      const session = openSession(sessionId);
      const content = core.content.get(session.contentVersion);
      if (!content?.services.some((service) => service.id === serviceId)) {
        throw new KioskApiError('bad-request', `Unknown service "${serviceId}"`, 'serviceId');
      }
      const trimmed = comment?.trim();
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
      });
      core.sync.nudge();
      return saved;
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
