import { useEffect } from 'react';
import { useAudioMode } from '../audio/AudioModeContext.js';

/**
 * An error the visitor must act on: shown (role=alert for screen readers) and,
 * in audio mode, spoken as it appears. The text names the field and the
 * problem (ACCESSIBILITY.md item 9).
 */
export function ErrorMessage({ children, id }: { readonly children: string; readonly id?: string }) {
  const { enabled, speaker } = useAudioMode();
  useEffect(() => {
    if (enabled) void speaker.say([{ text: children }]);
  }, [enabled, speaker, children]);
  return (
    <p className="error" role="alert" id={id}>
      {children}
    </p>
  );
}
