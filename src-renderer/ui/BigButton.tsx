import type { ComponentPropsWithRef } from 'react';

interface BigButtonProps extends ComponentPropsWithRef<'button'> {
  readonly variant?: 'primary' | 'secondary';
  readonly huge?: boolean;
  /** Shown and announced as unavailable, but still focusable so it can be explained. */
  readonly unavailable?: boolean;
}

/** A kiosk button: at least 72x72 px, high contrast, one tap. */
export function BigButton({ variant = 'primary', huge = false, unavailable = false, className, onClick, ...rest }: BigButtonProps) {
  const classes = ['big-button', variant === 'secondary' ? 'secondary' : '', huge ? 'huge' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <button
      type="button"
      className={classes}
      aria-disabled={unavailable || undefined}
      onClick={unavailable ? undefined : onClick}
      {...rest}
    />
  );
}
