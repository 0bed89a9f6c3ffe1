import { useEffect, useRef } from 'react';
import type { AppInfo } from '../../../src-main/api/contract.js';
import { activate, UNMAPPED_KEY } from '../../ui/activate.js';
import { moveFocus } from '../../ui/moveFocus.js';

type Action = keyof AppInfo['keyMap'];
export type KeyHandlers = Partial<Record<Action | 'toggleAudio', () => void>>;

/** Holding Help this long turns audio mode on or off (ACCESSIBILITY.md item 2). */
export const HOLD_TO_TOGGLE_MS = 2000;

/** Keys that are not presses of their own (modifiers, locks) or that the browser answers itself (Tab moves focus). */
const NOT_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'ScrollLock', 'Tab', 'Unidentified']);

const matches = (keys: readonly string[], event: KeyboardEvent) => keys.includes(event.key) || keys.includes(event.code);

/**
 * The device's key map (ACCESSIBILITY.md item 15, overridable per kiosk):
 * next/previous move focus, select activates, back, help (hold it to switch
 * audio mode), volume, rate, repeat and stop. Keys typed into a text box stay
 * text, except F1 (help), and Escape, Down and Up, which leave the text box.
 */
export function useKeyMap(keyMap: AppInfo['keyMap'] | undefined, handlers: KeyHandlers): void {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });
  useEffect(() => {
    if (!keyMap) return;
    // Help acts on release: a short press opens help, a 2 s hold switches audio mode instead.
    let helpTimer: ReturnType<typeof setTimeout> | undefined;
    let helpDown = false;
    let helpHeld = false;
    const call = (action: Action | 'toggleAudio') => current.current[action]?.();
    const onKeyDown = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLInputElement;
      if (typing && (event.key === 'Escape' || event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
        // Escape or Down leaves the text box for the next control (its keyboard), Up for the one before, rather
        // than the screen: what was typed stays. A kiosk's text box takes its text from the on-screen keyboard
        // below it, so its lines need no arrows of their own.
        event.preventDefault();
        moveFocus(event.key === 'ArrowUp' ? -1 : 1);
        return;
      }
      if (typing && event.key !== 'F1') return;
      if (matches(keyMap.help, event)) {
        event.preventDefault();
        if (event.repeat || helpDown) return;
        helpDown = true;
        helpHeld = false;
        helpTimer = setTimeout(() => {
          helpHeld = true;
          call('toggleAudio');
        }, HOLD_TO_TOGGLE_MS);
        return;
      }
      const action = (
        ['next', 'previous', 'select', 'back', 'volumeUp', 'volumeDown', 'rateUp', 'rateDown', 'repeat', 'stopSpeech'] as const
      ).find((candidate) => matches(keyMap[candidate], event));
      if (!action) {
        // Every key is answered: one that does nothing here says so (audio mode speaks it), modifiers and Tab aside.
        if (!NOT_KEYS.has(event.key) && !event.repeat) window.dispatchEvent(new Event(UNMAPPED_KEY));
        return;
      }
      if (action === 'next') moveFocus(1);
      else if (action === 'previous') moveFocus(-1);
      else if (action === 'select') {
        const focused = document.activeElement;
        if (!(focused instanceof HTMLElement) || focused === document.body) moveFocus(1);
        else activate(focused, () => moveFocus(1));
      } else if (!current.current[action]) return;
      else call(action);
      event.preventDefault();
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (!matches(keyMap.help, event) || !helpDown) return;
      clearTimeout(helpTimer);
      helpDown = false;
      if (!helpHeld) call('help');
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      clearTimeout(helpTimer);
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [keyMap]);
}
