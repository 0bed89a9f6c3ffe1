import { useEffect, useRef } from 'react';

/** The square, in CSS px, in the top-left and the bottom-right corners that the two fingers hold. */
export const TECHNICIAN_CORNER_PX = 120;
/** How long both corners are held: long enough that no visitor opens the PIN screen by chance. */
export const TECHNICIAN_HOLD_MS = 3000;

type Corner = 'top-left' | 'bottom-right';

const cornerOf = (x: number, y: number): Corner | undefined => {
  if (x <= TECHNICIAN_CORNER_PX && y <= TECHNICIAN_CORNER_PX) return 'top-left';
  if (x >= window.innerWidth - TECHNICIAN_CORNER_PX && y >= window.innerHeight - TECHNICIAN_CORNER_PX) return 'bottom-right';
  return undefined;
};

/**
 * The way into technician mode (issue #17): two fingers held at once in two
 * opposite corners, top-left and bottom-right, for 3 s (a visitor touches one
 * thing at a time, and the audio-mode corner is bottom-left); or, on a
 * service keyboard, Ctrl+Alt+Shift+T. Either only opens the PIN screen. The
 * taps that end the hold are swallowed, so nothing under the corners is pressed.
 */
export function useTechnicianGesture(onOpen: () => void): void {
  const current = useRef(onOpen);
  useEffect(() => {
    current.current = onOpen;
  });
  useEffect(() => {
    const held = new Map<number, Corner>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let swallowUntil = 0;
    const review = () => {
      const corners = new Set(held.values());
      if (corners.has('top-left') && corners.has('bottom-right')) {
        timer ??= setTimeout(() => {
          timer = undefined;
          held.clear();
          swallowUntil = performance.now() + 600;
          current.current();
        }, TECHNICIAN_HOLD_MS);
      } else {
        clearTimeout(timer);
        timer = undefined;
      }
    };
    const onDown = (event: PointerEvent) => {
      const corner = cornerOf(event.clientX, event.clientY);
      if (corner) held.set(event.pointerId, corner);
      review();
    };
    const onMove = (event: PointerEvent) => {
      if (!held.has(event.pointerId)) return;
      const corner = cornerOf(event.clientX, event.clientY);
      if (corner === held.get(event.pointerId)) return;
      held.delete(event.pointerId);
      review();
    };
    const onUp = (event: PointerEvent) => {
      held.delete(event.pointerId);
      review();
    };
    const onClick = (event: MouseEvent) => {
      if (performance.now() >= swallowUntil) return;
      event.preventDefault();
      event.stopPropagation();
    };
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey && event.altKey && event.shiftKey && event.code === 'KeyT')) return;
      event.preventDefault();
      current.current();
    };
    document.addEventListener('pointerdown', onDown, true);
    document.addEventListener('pointermove', onMove, true);
    document.addEventListener('pointerup', onUp, true);
    document.addEventListener('pointercancel', onUp, true);
    document.addEventListener('click', onClick, true);
    window.addEventListener('keydown', onKey, true);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('pointerdown', onDown, true);
      document.removeEventListener('pointermove', onMove, true);
      document.removeEventListener('pointerup', onUp, true);
      document.removeEventListener('pointercancel', onUp, true);
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('keydown', onKey, true);
    };
  }, []);
}
