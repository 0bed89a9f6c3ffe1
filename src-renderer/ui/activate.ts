import { FOCUSABLE } from '../audio/describeElement.js';

/** Raised on the screen's title when Enter (or a double tap) lands on it; the screen's frame answers it. */
export const SCREEN_ENTER = 'kiosk:screen-enter';

/** Raised (bubbling) on a control that is shown but unavailable when it is activated: audio mode says why nothing happened. */
export const UNAVAILABLE = 'kiosk:unavailable';

/** Raised (bubbling) on a choice activated that was already chosen: nothing changed, so audio mode says its state again. */
export const UNCHANGED = 'kiosk:unchanged';

/** Raised on the focused control when the visitor touches it again: a screen reader says what is under the finger each time. */
export const TOUCHED_AGAIN = 'kiosk:touched-again';

/** Raised on window when a key with no action here is pressed outside a text box: audio mode says so. */
export const UNMAPPED_KEY = 'kiosk:unmapped-key';

/**
 * What Enter, or a double tap in touch exploration, does to the focused
 * element: a control is clicked. The screen's title, where focus starts on
 * every screen, is not a control: it does what the screen's spoken hint says
 * Enter does ("press Enter to start", "…to finish"), or, where the hint says
 * to move first, `otherwise` moves to the first control, which is then spoken
 * (as it does from any other text that holds focus, such as a dialog's title).
 * Enter is never silent.
 */
export function activate(element: HTMLElement, otherwise: () => void): void {
  if (element.id === 'screen-title') {
    const answered = !element.dispatchEvent(new Event(SCREEN_ENTER, { cancelable: true }));
    if (!answered) otherwise();
  } else if (element.getAttribute('aria-disabled') === 'true') element.dispatchEvent(new Event(UNAVAILABLE, { bubbles: true }));
  else if (element.matches(FOCUSABLE)) {
    const alreadyChosen = element.getAttribute('role') === 'radio' && element.getAttribute('aria-checked') === 'true';
    element.click();
    // React has rendered the click by now (a discrete event): a choice still chosen and focused changed nothing.
    if (alreadyChosen && element.isConnected && document.activeElement === element && element.getAttribute('aria-checked') === 'true')
      element.dispatchEvent(new Event(UNCHANGED, { bubbles: true }));
  }
  // Any other heading or text that holds focus (a dialog's title): on to its first control.
  else otherwise();
}
