import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAudioMode } from '../audio/AudioModeContext.js';
import { describeElement } from '../audio/describeElement.js';

interface DialogProps {
  readonly title: string;
  readonly children: ReactNode;
  /** alertdialog for warnings that need an answer (the idle warning). */
  readonly role?: 'dialog' | 'alertdialog';
}

/**
 * A modal panel that takes focus when it opens and gives it back when it
 * closes; in audio mode it reads its title and text, then the focused button.
 */
export function Dialog({ title, children, role = 'dialog' }: DialogProps) {
  const { t } = useTranslation();
  const audio = useAudioMode();
  const { enabled, speaker } = audio;
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const first = panel.current?.querySelector<HTMLElement>('button');
    first?.focus();
    if (enabled && panel.current) {
      const body = Array.from(panel.current.querySelectorAll('p:not([aria-hidden="true"])')).map((p) => ({ text: p.textContent ?? '' }));
      void speaker.say([...audio.takePrefix(), { text: title }, ...body, ...(first ? describeElement(first, t) : [])]);
    }
    return () => previous?.focus();
    // Said once, when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role={role} aria-modal="true" aria-labelledby="dialog-title" ref={panel}>
        <h2 id="dialog-title">{title}</h2>
        {children}
      </div>
    </div>
  );
}
