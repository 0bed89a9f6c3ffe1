import { FOCUSABLE } from '../audio/describeElement.js';

/**
 * The stops of the focus order: every control except the keys of a grid that
 * is not active (an on-screen keyboard is one stop; its arrows move inside it).
 */
const TAB_STOPS = FOCUSABLE.split(', ')
  .map((selector) => `${selector}:not([tabindex="-1"])`)
  .join(', ');

/** The focus stops inside `scope` that are shown and not behind a dialog, in document order. */
const stopsIn = (scope: ParentNode): HTMLElement[] =>
  Array.from(scope.querySelectorAll<HTMLElement>(TAB_STOPS)).filter((el) => el.offsetParent !== null && !el.closest('[inert]'));

/** The first control of a screen (its first choice, text box or button), where Down from the title goes. */
export const firstStop = (scope: ParentNode): HTMLElement | undefined => stopsIn(scope)[0];

/** Moves focus to the next or previous stop, wrapping around the screen (or the open dialog). */
export function moveFocus(step: 1 | -1): void {
  const all = stopsIn(document);
  const scope = all.filter((el) => el.closest('[role="dialog"], [role="alertdialog"]'));
  const candidates = scope.length > 0 ? scope : all;
  if (candidates.length === 0) return;
  const index = candidates.indexOf(document.activeElement as HTMLElement);
  const next = index === -1 && step === -1 ? candidates.at(-1) : candidates[(index + step + candidates.length) % candidates.length];
  next?.focus();
}
