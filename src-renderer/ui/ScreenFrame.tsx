import { useEffect, useRef, type ReactNode } from 'react';
import { useScreenAnnouncement, type ScreenAnnouncement } from '../audio/useScreenAnnouncement.js';
import { SCREEN_ENTER } from './activate.js';

interface ScreenFrameProps extends Omit<ScreenAnnouncement, 'title'> {
  readonly title: string;
  readonly className?: string;
  readonly children?: ReactNode;
  /** What Enter does while focus is still on the title: the action the hint promises ("press Enter to start"). */
  readonly onEnter?: () => void;
}

/**
 * One kiosk screen: its title is the page's h1 and takes focus when the screen
 * appears, so a screen reader starts from the top; in audio mode the screen
 * announces itself (title, its first choice, then position, choices, hint and
 * details: useScreenAnnouncement). Every flow gets audio mode by using this frame.
 */
export function ScreenFrame({ title, className, children, onEnter, startsOn, ...spoken }: ScreenFrameProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const enter = useRef(onEnter);
  useEffect(() => {
    enter.current = onEnter;
  });
  useEffect(() => {
    heading.current?.focus();
  }, [title]);
  useEffect(() => {
    const element = heading.current;
    const onScreenEnter = (event: Event) => {
      if (!enter.current) return;
      event.preventDefault();
      enter.current();
    };
    element?.addEventListener(SCREEN_ENTER, onScreenEnter);
    return () => element?.removeEventListener(SCREEN_ENTER, onScreenEnter);
  }, []);
  // A screen whose Enter the hint names starts on its title: Enter there does what the hint says.
  useScreenAnnouncement({ title, ...spoken, startsOn: startsOn ?? (onEnter ? 'title' : 'firstChoice') });
  return (
    <main className={`screen ${className ?? ''}`} aria-labelledby="screen-title">
      <h1 id="screen-title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </main>
  );
}
