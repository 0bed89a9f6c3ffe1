import { useEffect, useRef, type ReactNode } from 'react';

interface DialogProps {
  readonly title: string;
  readonly children: ReactNode;
  /** alertdialog for warnings that need an answer (the idle warning). */
  readonly role?: 'dialog' | 'alertdialog';
}

/** A modal panel that takes focus when it opens and gives it back when it closes. */
export function Dialog({ title, children, role = 'dialog' }: DialogProps) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    panel.current?.querySelector<HTMLElement>('button')?.focus();
    return () => previous?.focus();
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
