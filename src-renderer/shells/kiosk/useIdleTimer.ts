import { useCallback, useEffect, useRef, useState } from 'react';

interface IdleTimerOptions {
  /** Off on the welcome screen: nobody is there to time out. */
  readonly enabled: boolean;
  readonly idleTimeoutSec: number;
  readonly warningSec: number;
  readonly onTimeout: () => void;
}

/**
 * After idleTimeoutSec without a touch or key, a warning counts down
 * warningSec; any action (or "Continue") restarts the wait, as often as
 * the visitor needs (WCAG 2.2.1).
 */
export function useIdleTimer({ enabled, idleTimeoutSec, warningSec, onTimeout }: IdleTimerOptions) {
  const lastActivity = useRef(Date.now());
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const timeoutRef = useRef(onTimeout);
  timeoutRef.current = onTimeout;

  const touch = useCallback(() => {
    lastActivity.current = Date.now();
    setSecondsLeft(null);
  }, []);

  useEffect(() => {
    if (!enabled) {
      setSecondsLeft(null);
      return;
    }
    lastActivity.current = Date.now();
    const events = ['pointerdown', 'keydown'] as const;
    events.forEach((name) => window.addEventListener(name, touch, { capture: true }));
    const tick = window.setInterval(() => {
      const idleSec = (Date.now() - lastActivity.current) / 1000;
      if (idleSec < idleTimeoutSec) return setSecondsLeft(null);
      const left = Math.ceil(idleTimeoutSec + warningSec - idleSec);
      if (left <= 0) {
        setSecondsLeft(null);
        timeoutRef.current();
      } else {
        setSecondsLeft(left);
      }
    }, 250);
    return () => {
      events.forEach((name) => window.removeEventListener(name, touch, { capture: true }));
      window.clearInterval(tick);
    };
  }, [enabled, idleTimeoutSec, warningSec, touch]);

  return { secondsLeft, stayActive: touch };
}
