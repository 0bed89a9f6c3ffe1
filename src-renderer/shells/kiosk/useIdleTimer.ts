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
  const lastActivity = useRef(0);
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const timeoutRef = useRef(onTimeout);
  useEffect(() => {
    timeoutRef.current = onTimeout;
  });

  const stayActive = useCallback(() => {
    lastActivity.current = Date.now();
    setSecondsLeft(null);
  }, []);

  useEffect(() => {
    if (!enabled) return;
    lastActivity.current = Date.now();
    const events = ['pointerdown', 'keydown'] as const;
    events.forEach((name) => window.addEventListener(name, stayActive, { capture: true }));
    const tick = window.setInterval(() => {
      const idleSec = (Date.now() - lastActivity.current) / 1000;
      const left = Math.ceil(idleTimeoutSec + warningSec - idleSec);
      if (idleSec < idleTimeoutSec) {
        setSecondsLeft(null);
      } else if (left > 0) {
        setSecondsLeft(left);
      } else {
        setSecondsLeft(null);
        timeoutRef.current();
      }
    }, 250);
    return () => {
      events.forEach((name) => window.removeEventListener(name, stayActive, { capture: true }));
      window.clearInterval(tick);
    };
  }, [enabled, idleTimeoutSec, warningSec, stayActive]);

  return { secondsLeft: enabled ? secondsLeft : null, stayActive };
}
