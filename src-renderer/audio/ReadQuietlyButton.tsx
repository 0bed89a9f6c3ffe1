import { useTranslation } from 'react-i18next';
import { BigButton } from '../ui/BigButton.js';
import { useAudioMode } from './AudioModeContext.js';
import type { Utterance } from './describeElement.js';

/**
 * On a review that holds private content (a vote's choices, a typed message),
 * in audio mode on a kiosk without a headset where the visitor kept it
 * private: the way to hear it before confirming, read once at a low volume.
 * The review says so where the private part would be (`withReviewNotice`),
 * so nobody confirms what they never heard without being told (issue #35).
 */
export function ReadQuietlyButton({ parts }: { readonly parts: readonly Utterance[] }) {
  const { t } = useTranslation();
  const { enabled, speaker } = useAudioMode();
  if (!enabled || !speaker.needsPrivacyChoice() || !parts.some((part) => part.private)) return null;
  return (
    <BigButton variant="secondary" onClick={() => void speaker.readQuietly(parts)}>
      {t('audio.readQuietly')}
    </BigButton>
  );
}

/** A review's read-back whose private parts, when not read on the loudspeaker, say how to hear them. */
export function withReviewNotice(parts: readonly Utterance[], notice: string): Utterance[] {
  return parts.map((part) => (part.private && part.instead === undefined ? { ...part, instead: notice } : part));
}
