import type { ReactNode } from 'react';

interface TypingLayoutProps {
  /** The text entry: its field and its on-screen keyboard (TextEntry). */
  readonly entry: ReactNode;
  /** Beside it: the voice recorder, choices, the way on. */
  readonly side: ReactNode;
  /**
   * Read before the entry (audio mode: the voice message first, speaking is
   * quicker than typing by ear); on screen it stays at the side's top.
   */
  readonly first?: ReactNode;
}

/**
 * Every screen where a visitor types (a comment, a message, a contact, a
 * title, a survey's free answer): the text on the left, what goes with it on
 * the right, stacked in large text (theme.css, `.comment-layout`).
 */
export function TypingLayout({ entry, side, first }: TypingLayoutProps) {
  if (first !== undefined)
    return (
      <div className="comment-layout voice-first">
        <div className="comment-side">{first}</div>
        <div className="comment-typing">{entry}</div>
        <div className="comment-side">{side}</div>
      </div>
    );
  return (
    <div className="comment-layout">
      <div className="comment-typing">{entry}</div>
      <div className="comment-side">{side}</div>
    </div>
  );
}
