import { useEffect, useRef, type ReactNode } from 'react';
import { useScreenAnnouncement, type ScreenAnnouncement } from '../audio/useScreenAnnouncement.js';

interface ScreenFrameProps extends Omit<ScreenAnnouncement, 'title'> {
  readonly title: string;
  readonly className?: string;
  readonly children?: ReactNode;
}

/**
 * One kiosk screen: its title is the page's h1 and takes focus when the screen
 * appears, so a screen reader starts from the top; in audio mode the screen
 * announces itself (title, position, choices, hint, details). Every flow gets
 * audio mode by using this frame.
 */
export function ScreenFrame({ title, className, children, position, choices, hint, details }: ScreenFrameProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [title]);
  useScreenAnnouncement({ title, position, choices, hint, details });
  return (
    <main className={`screen ${className ?? ''}`} aria-labelledby="screen-title">
      <h1 id="screen-title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </main>
  );
}
