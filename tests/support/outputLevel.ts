import type { Page } from '@playwright/test';

/**
 * The level of what the kiosk plays, measured where it leaves the page: an
 * AnalyserNode on howler's master gain, after every clip's own volume, so
 * a change of the visitor's volume shows exactly as it reaches the sound card.
 */
export async function tapOutput(page: Page): Promise<void> {
  await page.evaluate(() => {
    type Tapped = { ctx: AudioContext; masterGain: GainNode; __pshAnalyser?: AnalyserNode };
    const howler = (window as unknown as { Howler: Tapped }).Howler;
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
    type Playing = { playing(): boolean };
    const howler = (window as unknown as { Howler: { _howls: Playing[]; __pshAnalyser: AnalyserNode } }).Howler;
    for (let waited = 0; !howler._howls.some((howl) => howl.playing()); waited += 20) {
      if (waited > 15_000) throw new Error('nothing played');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const samples = new Float32Array(howler.__pshAnalyser.fftSize);
    let sum = 0;
    let count = 0;
    const started = performance.now();
    while (performance.now() - started < window_) {
      howler.__pshAnalyser.getFloatTimeDomainData(samples);
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
    (window as unknown as { Howler: { _howls: Array<{ playing(): boolean; volume(): number }> } }).Howler._howls
      .filter((howl) => howl.playing())
      .map((howl) => howl.volume()),
  );
