import { useTranslation } from 'react-i18next';
import type { Language } from '../../../sync/protocol/languages.js';
import { MAX_CONTACT } from '../../../sync/protocol/contact.js';
import type { KioskErrorKey } from '../../shells/kiosk/kioskState.js';
import { BigButton } from '../../ui/BigButton.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { CONTACT_LAYOUT } from '../../ui/keyboardLayouts.js';
import { TextEntry } from '../../ui/TextEntry.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';
import { feedbackPosition } from './feedbackSteps.js';
import { TypingLayout } from '../../ui/TypingLayout.js';

interface FeedbackContactScreenProps {
  readonly language: Language;
  readonly available: boolean;
  readonly contact: string;
  /** Consent to be contacted by staff: feedback asks it; a proposal, whose contact is only for its decision, does not. */
  readonly consent?: { readonly given: boolean; readonly onChange: (consent: boolean) => void } | undefined;
  readonly notify: boolean;
  readonly error: KioskErrorKey | null;
  /** A flow's own words for the screen (a proposal's); feedback's by default. */
  readonly texts?: { readonly title: string; readonly help: string; readonly hint: string; readonly notifyMe: string };
  readonly position?: { readonly current: number; readonly total: number };
  readonly onContact: (contact: string) => void;
  readonly onNotify: (notify: boolean) => void;
  readonly onNext: () => void;
  readonly onSkip: () => void;
}

/**
 * Optional contact details: a phone number or an e-mail address, checked when
 * the visitor moves on, consent to be contacted (feedback), and "tell me" by
 * SMS or e-mail. What is typed is private (never read aloud on the loudspeaker
 * unless the visitor chose so). Feedback's step, and a proposal's.
 */
export function FeedbackContactScreen({
  language,
  available,
  contact,
  consent,
  notify,
  error,
  texts,
  position = feedbackPosition('feedbackContact'),
  onContact,
  onNotify,
  onNext,
  onSkip,
}: FeedbackContactScreenProps) {
  const { t } = useTranslation();
  const words = texts ?? {
    title: t('feedback.contactTitle'),
    help: t('feedback.contactHelp'),
    hint: t('hints.feedbackContact'),
    notifyMe: t('feedback.notifyMe'),
  };
  const problem = error === 'invalidPhone' || error === 'invalidEmail' ? error : null;
  const notifyProblem = error === 'notifyNeedsContact' || error === 'notifyNeedsMobile' ? error : null;
  if (!available) {
    return (
      <ScreenFrame title={words.title} position={position} hint={words.hint} details={[{ text: t('feedback.contactUnavailable') }]}>
        <p className="lead">{t('feedback.contactUnavailable')}</p>
        <div className="button-row">
          <BigButton huge onClick={onSkip}>
            {t('feedback.next')}
          </BigButton>
        </div>
      </ScreenFrame>
    );
  }
  return (
    <ScreenFrame title={words.title} className="contact-screen" position={position} hint={words.hint}>
      <p className="context" id="contact-help">
        {words.help}
      </p>
      <TypingLayout
        entry={
          <TextEntry
            id="contact"
            label={t('feedback.contactLabel')}
            value={contact}
            max={MAX_CONTACT}
            onChange={onContact}
            keyboard={{ language, layout: CONTACT_LAYOUT, label: t('feedback.contactLabel') }}
            fieldBox="contact-entry"
            fieldLang="en"
            plain
            invalid={problem !== null}
            describedBy={problem ? 'contact-error contact-help' : 'contact-help'}
            below={
              problem && (
                <ErrorMessage id="contact-error">
                  {t(problem === 'invalidPhone' ? 'feedback.invalidPhone' : 'feedback.invalidEmail')}
                </ErrorMessage>
              )
            }
          />
        }
        side={
          <>
            {consent && (
              <button
                type="button"
                role="checkbox"
                className="choice consent"
                aria-checked={consent.given}
                onClick={() => consent.onChange(!consent.given)}
              >
                <span className="check-box" aria-hidden="true">
                  {consent.given ? '✓' : ''}
                </span>
                {t('feedback.consent')}
              </button>
            )}
            {/* "Tell me": a second, separate choice, never preselected (issue #32). */}
            <button
              type="button"
              role="checkbox"
              className="choice consent notify"
              aria-checked={notify}
              aria-describedby={notifyProblem ? 'notify-error' : undefined}
              onClick={() => onNotify(!notify)}
            >
              <span className="check-box" aria-hidden="true">
                {notify ? '✓' : ''}
              </span>
              {words.notifyMe}
            </button>
            {notifyProblem && <ErrorMessage id="notify-error">{t(`feedback.${notifyProblem}`)}</ErrorMessage>}
            <div className="button-column">
              <BigButton onClick={onNext}>{t('feedback.next')}</BigButton>
              <BigButton variant="secondary" onClick={onSkip}>
                {t('feedback.skipContact')}
              </BigButton>
            </div>
          </>
        }
      />
    </ScreenFrame>
  );
}
