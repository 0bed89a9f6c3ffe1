import { useEffect, useRef } from 'react';
import { activate, TOUCHED_AGAIN } from '../ui/activate.js';
import { FOCUSABLE } from './describeElement.js';

export interface TouchExplorationHandlers {
  readonly next: () => void;
  readonly previous: () => void;
  readonly stopSpeech: () => void;
}

const DOUBLE_TAP_MS = 400;
const TAP_MAX_MS = 300;
const TAP_MAX_MOVE = 24;
const SWIPE_MAX_MS = 500;
const SWIPE_MIN_DX = 80;
/** A finger resting this long before moving is exploring, not swiping. */
const EXPLORE_AFTER_MS = 150;

/** The focusable element under a point, if any (inert content excluded). */
function focusableAt(x: number, y: number): HTMLElement | undefined {
  const hit = document.elementFromPoint(x, y);
  const target = hit?.closest<HTMLElement>(FOCUSABLE);
  return target && !target.closest('[inert]') ? target : undefined;
}

/**
 * Touch exploration in audio mode (ACCESSIBILITY.md item 14), the
 * VoiceOver/TalkBack habits: touching or dragging moves focus to what is under
 * the finger (and so speaks it) without activating it; a double tap anywhere
 * activates the focused element; a swipe right/left moves to next/previous; a
 * two-finger tap stops speech. Touch events are taken whole (preventDefault),
 * so a single touch can never click.
 */
export function useTouchExploration(enabled: boolean, handlers: TouchExplorationHandlers): void {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    let start: { x: number; y: number; at: number; fingers: number; focusBefore: Element | null } | undefined;
    let lastTapAt = -Infinity;
    let explored = false;

    /** `touched`: a finger landing, not one moving on: what it lands on is said even if it has focus already. */
    const explore = (x: number, y: number, touched = false) => {
      const target = focusableAt(x, y);
      if (target && target !== document.activeElement) target.focus();
      else if (target && touched) target.dispatchEvent(new Event(TOUCHED_AGAIN, { bubbles: true }));
      explored = true;
    };
    const onStart = (event: TouchEvent) => {
      event.preventDefault();
      const touch = event.touches[0];
      if (!touch) return;
      if (start) {
        start.fingers = Math.max(start.fingers, event.touches.length);
        return;
      }
      start = {
        x: touch.clientX,
        y: touch.clientY,
        at: performance.now(),
        fingers: event.touches.length,
        focusBefore: document.activeElement,
      };
      explored = false;
      // A touch that may be the second half of a double tap does not move focus.
      if (performance.now() - lastTapAt > DOUBLE_TAP_MS && event.touches.length === 1) explore(touch.clientX, touch.clientY, true);
    };
    const onMove = (event: TouchEvent) => {
      event.preventDefault();
      const touch = event.touches[0];
      if (!start || !touch || start.fingers > 1) return;
      if (performance.now() - start.at >= EXPLORE_AFTER_MS) explore(touch.clientX, touch.clientY);
    };
    const onEnd = (event: TouchEvent) => {
      event.preventDefault();
      if (!start || event.touches.length > 0) return;
      const touch = event.changedTouches[0];
      const gesture = start;
      start = undefined;
      if (!touch) return;
      const dx = touch.clientX - gesture.x;
      const dy = touch.clientY - gesture.y;
      const ms = performance.now() - gesture.at;
      if (gesture.fingers >= 2) {
        if (ms <= TAP_MAX_MS * 2) current.current.stopSpeech();
        return;
      }
      if (ms <= SWIPE_MAX_MS && Math.abs(dx) >= SWIPE_MIN_DX && Math.abs(dx) > 2 * Math.abs(dy)) {
        // A swipe is relative to where focus was before the finger landed.
        if (gesture.focusBefore instanceof HTMLElement) gesture.focusBefore.focus({ preventScroll: true });
        if (dx > 0) current.current.next();
        else current.current.previous();
        lastTapAt = -Infinity;
        return;
      }
      const isTap = ms <= TAP_MAX_MS && Math.hypot(dx, dy) <= TAP_MAX_MOVE;
      if (!isTap) return;
      const now = performance.now();
      if (now - lastTapAt <= DOUBLE_TAP_MS) {
        lastTapAt = -Infinity;
        const focused = document.activeElement;
        if (focused instanceof HTMLElement && focused !== document.body) activate(focused, current.current.next);
        return;
      }
      lastTapAt = now;
      if (!explored) explore(touch.clientX, touch.clientY);
    };
    const options = { passive: false, capture: true } as const;
    document.addEventListener('touchstart', onStart, options);
    document.addEventListener('touchmove', onMove, options);
    document.addEventListener('touchend', onEnd, options);
    document.addEventListener('touchcancel', onEnd, options);
    return () => {
      document.removeEventListener('touchstart', onStart, options);
      document.removeEventListener('touchmove', onMove, options);
      document.removeEventListener('touchend', onEnd, options);
      document.removeEventListener('touchcancel', onEnd, options);
    };
  }, [enabled]);
}
