import { checkContact } from '../../sync/protocol/contact.js';
import { newTrackingCode } from '../../sync/protocol/trackingCode.js';
import { sealToCentral } from '../core/crypto/sealToCentral.js';
import type { KioskCore } from '../core/kioskCore.js';
import type { KioskHandlerImpls } from './contract.js';
import { KioskApiError } from './errors.js';

type FeedbackHandlers = Pick<KioskHandlerImpls, 'feedback.submit' | 'feedback.lookup' | 'feedback.reopen'>;

/** The feedback calls: leave feedback (with a tracking code), look it up, say the answer did not help. */
export function createFeedbackHandlers(core: KioskCore): FeedbackHandlers {
  const { config } = core;
  const publicBase = (config.central.publicUrl ?? config.central.url).replace(/\/+$/, '');
  return {
    'feedback.submit': ({ sessionId, kind, serviceId, message, recordingId, contact, consentToContact }) => {
      const session = core.sessions.find(sessionId);
      if (!session) throw new KioskApiError('not-found', 'This visitor session has ended', 'sessionId');
      const content = core.content.get(session.contentVersion);
      if (!content?.services.some((service) => service.id === serviceId))
        throw new KioskApiError('bad-request', `Unknown service "${serviceId}"`, 'serviceId');
      const text = message?.trim();
      const recording = recordingId === undefined ? undefined : core.recorder.finishedFor(recordingId, sessionId);
      if (recordingId !== undefined && !recording)
        throw new KioskApiError('not-found', 'The voice message is gone; record it again or type the message', 'recordingId');
      if (!text && !recording) throw new KioskApiError('bad-request', 'Write a message or record a voice message', 'message');
      let contactSealed: string | undefined;
      if (contact !== undefined && contact.trim() !== '') {
        const checked = checkContact(contact);
        if ('problem' in checked)
          throw new KioskApiError(
            'bad-request',
            checked.problem === 'email' ? 'Not a valid e-mail address' : 'Not a valid phone number',
            'contact',
          );
        const key = core.sync.sealingKey();
        if (!key)
          throw new KioskApiError(
            'bad-request',
            'This kiosk cannot take contact details until it has connected to Central once',
            'contact',
          );
        // Sealed here, before anything is written: the clear text never reaches the database or a log.
        contactSealed = sealToCentral(checked.value, key);
      }
      const trackingCode = newTrackingCode();
      const saved = core.enqueue({
        payload: {
          type: 'feedback',
          trackingCode,
          kind,
          serviceId,
          deskId: config.desk.id,
          ...(text ? { message: text } : {}),
          language: session.language,
          consentToContact: contactSealed !== undefined && consentToContact,
        },
        sessionId,
        contentVersion: session.contentVersion,
        attachments: recording
          ? [{ name: 'voice-message.wav', path: recording.path, size: recording.size, sha256: recording.sha256, contentType: 'audio/wav' }]
          : [],
        sealed: { contact: contactSealed },
      });
      if (recordingId !== undefined) core.recorder.handOver(recordingId);
      core.sync.nudge();
      return { ...saved, trackingCode, statusUrl: `${publicBase}/feedback/${trackingCode}` };
    },
    'feedback.lookup': ({ code }) => core.feedback.lookup(code),
    'feedback.reopen': ({ code }) => core.feedback.reopen(code),
  };
}
