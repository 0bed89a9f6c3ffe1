import { useEffect, useRef } from 'react';
import { HOLD_TO_TOGGLE_MS } from '../shells/kiosk/useKeyMap.js';

/** The bottom-left square, in CSS px, where a 2 s touch-and-hold switches audio mode. */
const CORNER_PX = 160;

/**
 * Touch and hold the bottom-left corner for 2 s to switch audio mode
 * (ACCESSIBILITY.md item 2), found without sight by the screen's edges. The
 * tap that ends the hold is swallowed, so the Home button under the corner is
 * not pressed as well.
 */
export function useCornerHold(onHold: () => void): void {
  const current = useRef(onHold);
  useEffect(() => {
    current.current = onHold;
  });
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let held = false;
    let swallowUntil = 0;
    const inCorner = (event: PointerEvent) => event.clientX <= CORNER_PX && event.clientY >= window.innerHeight - CORNER_PX;
    const onDown = (event: PointerEvent) => {
      clearTimeout(timer);
      if (!inCorner(event)) return;
      timer = setTimeout(() => {
        held = true;
        current.current();
      }, HOLD_TO_TOGGLE_MS);
    };
    const cancel = (event: PointerEvent) => {
      if (event.type === 'pointermove' && inCorner(event)) return;
      clearTimeout(timer);
      if (event.type !== 'pointermove' && held) {
        // Only the click that ends the hold is swallowed.
        held = false;
        swallowUntil = performance.now() + 400;
      }
    };
    const onClick = (event: MouseEvent) => {
      if (performance.now() < swallowUntil) {
        event.preventDefault();
        event.stopPropagation();
        swallowUntil = 0;
      }
    };
    document.addEventListener('pointerdown', onDown, true);
    document.addEventListener('pointerup', cancel, true);
    document.addEventListener('pointercancel', cancel, true);
    document.addEventListener('pointermove', cancel, true);
    document.addEventListener('click', onClick, true);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('pointerdown', onDown, true);
      document.removeEventListener('pointerup', cancel, true);
      document.removeEventListener('pointercancel', cancel, true);
      document.removeEventListener('pointermove', cancel, true);
      document.removeEventListener('click', onClick, true);
    };
  }, []);
}
