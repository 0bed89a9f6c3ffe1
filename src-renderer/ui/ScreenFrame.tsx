import { useEffect, useRef, type ReactNode } from 'react';

interface ScreenFrameProps {
  readonly title: string;
  readonly className?: string;
  readonly children?: ReactNode;
}

/**
 * One kiosk screen: its title is the page's h1 and takes focus when the screen
 * appears, so a screen reader (and later audio mode) starts from the top.
 */
export function ScreenFrame({ title, className, children }: ScreenFrameProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [title]);
  return (
    <main className={`screen ${className ?? ''}`} aria-labelledby="screen-title">
      <h1 id="screen-title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </main>
  );
}
