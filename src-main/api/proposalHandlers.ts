import { checkContact } from '../../sync/protocol/contact.js';
import { newTrackingCode } from '../../sync/protocol/trackingCode.js';
import { sealToCentral } from '../core/crypto/sealToCentral.js';
import type { KioskCore } from '../core/kioskCore.js';
import type { KioskHandlerImpls } from './contract.js';
import { KioskApiError } from './errors.js';

/** A citizen's proposal of a new service: a title, a description typed or recorded, optional contact; followed by its tracking code. */
export function createProposalHandlers(core: KioskCore): Pick<KioskHandlerImpls, 'proposal.submit'> {
  const publicBase = (core.config.central.publicUrl ?? core.config.central.url).replace(/\/+$/, '');
  return {
    'proposal.submit': ({ sessionId, title, description, recordingId, contact }) => {
      const session = core.sessions.find(sessionId);
      if (!session) throw new KioskApiError('not-found', 'This visitor session has ended', 'sessionId');
      const name = title.trim();
      if (!name) throw new KioskApiError('bad-request', 'Give the proposal a title', 'title');
      const text = description?.trim();
      const recording = recordingId === undefined ? undefined : core.recorder.finishedFor(recordingId, sessionId);
      if (recordingId !== undefined && !recording)
        throw new KioskApiError('not-found', 'The voice message is gone; record it again or type the description', 'recordingId');
      let sealedContact: string | undefined;
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
        sealedContact = sealToCentral(checked.value, key);
      }
      const trackingCode = newTrackingCode();
      const saved = core.enqueue({
        payload: { type: 'proposal', trackingCode, title: name, ...(text ? { description: text } : {}), language: session.language },
        sessionId,
        contentVersion: session.contentVersion,
        attachments: recording
          ? [{ name: 'voice-message.wav', path: recording.path, size: recording.size, sha256: recording.sha256, contentType: 'audio/wav' }]
          : [],
        sealed: { contact: sealedContact },
      });
      if (recordingId !== undefined) core.recorder.handOver(recordingId);
      core.sync.nudge();
      return { ...saved, trackingCode, statusUrl: `${publicBase}/proposals/${trackingCode}` };
    },
  };
}
