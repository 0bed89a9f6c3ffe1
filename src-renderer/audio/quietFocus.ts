let quiet = false;

/**
 * Moves focus without the focus speech: the screen's announcement says the
 * control itself, after the title, so it is not said twice (and the first
 * saying, cut at once, never costs a synthesis).
 */
export function focusQuietly(element: HTMLElement): void {
  quiet = true;
  try {
    element.focus();
  } finally {
    quiet = false;
  }
}

/** Whether the focus event being handled comes from focusQuietly (focus events are dispatched synchronously). */
export const isFocusingQuietly = (): boolean => quiet;
