let context: AudioContext | undefined;

/**
 * A short sine beep: the start and stop sounds of a voice recording
 * (ACCESSIBILITY.md item 18). Resolves when the tone has finished, so the
 * recording never captures its own start sound.
 */
export function playTone(hz: number, ms = 180): Promise<void> {
  context ??= new AudioContext();
  const ctx = context;
  return new Promise((resolve) => {
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    oscillator.frequency.value = hz;
    gain.gain.value = 0.25;
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.onended = () => resolve();
    // A suspended context (no gesture yet) would never end the tone; do not wait on it.
    const fallback = setTimeout(resolve, ms + 200);
    oscillator.onended = () => {
      clearTimeout(fallback);
      resolve();
    };
    void ctx.resume().catch(() => undefined);
    oscillator.start();
    oscillator.stop(ctx.currentTime + ms / 1000);
  });
}

export const START_TONE_HZ = 880;
export const STOP_TONE_HZ = 440;
