import { useEffect, useRef } from 'react';
import type { AppInfo } from '../../../src-main/api/contract.js';

type Action = keyof AppInfo['keyMap'];
export type KeyHandlers = Partial<Record<Action, () => void>>;

const FOCUSABLE = 'button:not([disabled]), textarea, input, [href], [tabindex="0"]';

/** Moves focus to the next or previous focusable element, wrapping around the screen. */
function moveFocus(step: 1 | -1): void {
  const all = Array.from(document.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el.offsetParent !== null);
  const scope = all.filter((el) => el.closest('[role="dialog"]'));
  const candidates = scope.length > 0 ? scope : all;
  if (candidates.length === 0) return;
  const index = candidates.indexOf(document.activeElement as HTMLElement);
  const next = candidates[(index + step + candidates.length) % candidates.length];
  next?.focus();
}

const matches = (keys: readonly string[], event: KeyboardEvent) => keys.includes(event.key) || keys.includes(event.code);

/**
 * The device's key map (ACCESSIBILITY.md item 15, overridable per kiosk):
 * next/previous move focus, back and help call the shell. Keys typed into a
 * text box stay text.
 */
export function useKeyMap(keyMap: AppInfo['keyMap'] | undefined, handlers: KeyHandlers): void {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });
  useEffect(() => {
    if (!keyMap) return;
    const onKey = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLInputElement;
      if (typing && event.key !== 'Escape' && event.key !== 'F1') return;
      if (matches(keyMap.next, event)) moveFocus(1);
      else if (matches(keyMap.previous, event)) moveFocus(-1);
      else if (matches(keyMap.back, event)) current.current.back?.();
      else if (matches(keyMap.help, event)) current.current.help?.();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keyMap]);
}
