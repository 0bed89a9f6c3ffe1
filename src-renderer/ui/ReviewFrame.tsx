import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Utterance } from '../audio/describeElement.js';
import type { ScreenAnnouncement } from '../audio/useScreenAnnouncement.js';
import type { VoiceMessage } from '../shells/kiosk/kioskState.js';
import { ScreenFrame } from './ScreenFrame.js';
import { withReviewNotice } from '../audio/ReadQuietlyButton.js';
import { SendOrChange } from './SendOrChange.js';

/** One line of a review: what it is, the answer as shown, and how it is read back (typed text marked private). */
export interface ReviewItem {
  readonly term: string;
  readonly shown: ReactNode;
  readonly spoken: readonly Utterance[];
  readonly className?: string;
}

/** What a review's two buttons do, passed through from the flow: Send (once, while busy) and Change; the error under them. */
export interface ReviewActions {
  readonly busy: boolean;
  readonly showError: boolean;
  /** What went wrong, when it was not the save itself (a vote refused); the save failure's words by default. */
  readonly errorText?: string | undefined;
  readonly onSend: () => void;
  readonly onChange: () => void;
}

interface ReviewFrameProps {
  readonly title: string;
  readonly className?: string;
  readonly position?: ScreenAnnouncement['position'];
  readonly hint: string;
  readonly items: readonly ReviewItem[];
  /** Each term above its answer (long answers, as a survey's), rather than side by side. */
  readonly stacked?: boolean;
  readonly sendLabel: string;
  readonly changeLabel: string;
  readonly actions: ReviewActions;
}

/**
 * Every flow's review: what will be sent, shown and (in audio mode) read back
 * in the same order (ACCESSIBILITY.md item 10), then Send or Change. Private
 * lines are read only into a headset, or on the loudspeaker if the visitor chose so.
 */
export function ReviewFrame({
  items,
  stacked = false,
  sendLabel,
  changeLabel,
  actions: { busy, showError, errorText, onSend, onChange },
  ...frame
}: ReviewFrameProps) {
  const { t } = useTranslation();
  const readBack = withReviewNotice(
    items.flatMap((item) => item.spoken),
    t('audio.reviewHidden'),
  );
  const line = (item: ReviewItem) => (
    <>
      <dt>{item.term}</dt>
      <dd className={item.className}>{item.shown}</dd>
    </>
  );
  return (
    <ScreenFrame {...frame} details={readBack} startsOn="title">
      <dl className={stacked ? 'review-list review-stack' : 'review-list'}>
        {items.map((item, index) => (stacked ? <div key={index}>{line(item)}</div> : <Fragment key={index}>{line(item)}</Fragment>))}
      </dl>
      <SendOrChange
        sendLabel={sendLabel}
        changeLabel={changeLabel}
        error={showError ? (errorText ?? t('errors.saveFailed')) : null}
        busy={busy}
        onSend={onSend}
        onChange={onChange}
        readBack={readBack}
      />
    </ScreenFrame>
  );
}

/** The voice message's line, when there is one: its length, shown and spoken. */
export function voiceItem(term: string, voiceMessage: VoiceMessage | null, seconds: (count: number) => string): ReviewItem[] {
  if (!voiceMessage) return [];
  const length = seconds(Math.round(voiceMessage.durationMs / 1000));
  return [{ term, shown: length, spoken: [{ text: `${term}: ${length}` }] }];
}

/** A typed text's line: "Term:" then the text (private), or what is said when there is none. */
export function typedItem(term: string, text: string, none: string, className?: string): ReviewItem {
  return {
    term,
    shown: text || none,
    spoken: text ? [{ text: `${term}:` }, { text, private: true }] : [{ text: none }],
    ...(className ? { className } : {}),
  };
}
