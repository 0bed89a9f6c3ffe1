import type { Page } from '@playwright/test';

// The page's Web Audio objects, only as far as the probe uses them: this file is also compiled for Node
// (the speech bench imports it), where the DOM's types do not exist.
interface Analyser {
  readonly fftSize: number;
  getFloatTimeDomainData(samples: Float32Array): void;
}
interface HowlerGlobal {
  readonly ctx: { createAnalyser(): Analyser & { fftSize: number } };
  readonly masterGain: { connect(node: Analyser): void };
  readonly _howls: ReadonlyArray<{ playing(): boolean; volume(): number }>;
  __pshAnalyser?: Analyser;
}

/**
 * The level of what the kiosk plays, measured where it leaves the page: an
 * AnalyserNode on howler's master gain, after every clip's own volume, so
 * a change of the visitor's volume shows exactly as it reaches the sound card.
 */
export async function tapOutput(page: Page): Promise<void> {
  await page.evaluate(() => {
    const howler = (globalThis as unknown as { Howler: HowlerGlobal }).Howler;
    if (howler.__pshAnalyser) return;
    const analyser = howler.ctx.createAnalyser();
    analyser.fftSize = 2048;
    howler.masterGain.connect(analyser);
    howler.__pshAnalyser = analyser;
  });
}

/** RMS in dBFS of the output over `ms` from the moment a clip is playing (the same opening of the same clip compares levels). */
export function outputLevelDb(page: Page, ms = 1500): Promise<number> {
  return page.evaluate(async (window_) => {
    const howler = (globalThis as unknown as { Howler: HowlerGlobal }).Howler;
    const analyser = howler.__pshAnalyser;
    if (!analyser) throw new Error('tapOutput(page) first');
    for (let waited = 0; !howler._howls.some((howl) => howl.playing()); waited += 20) {
      if (waited > 15_000) throw new Error('nothing played');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const samples = new Float32Array(analyser.fftSize);
    let sum = 0;
    let count = 0;
    const started = performance.now();
    while (performance.now() - started < window_) {
      analyser.getFloatTimeDomainData(samples);
      for (const sample of samples) sum += sample * sample;
      count += samples.length;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return 10 * Math.log10(sum / count);
  }, ms);
}

/** The volume each clip now playing was given (howler's per-clip volume, 0..1). */
export const playingVolumes = (page: Page): Promise<number[]> =>
  page.evaluate(() =>
    (globalThis as unknown as { Howler: HowlerGlobal }).Howler._howls.filter((howl) => howl.playing()).map((howl) => howl.volume()),
  );
