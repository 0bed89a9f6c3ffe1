import { existsSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { speechEvents } from './speechEvents.js';

export interface HeardLine {
  readonly t: string;
  readonly lang: string;
  readonly text: string;
  readonly private: boolean;
  /** The clip the core synthesised for this line (the player fetches `/api/media/speech/<clip>.wav`). */
  readonly clip: string;
}

/**
 * What a blind visitor heard: the kiosk core's speech transcript (a test-only
 * JSONL file, one line per synthesised clip) joined with the page's player
 * events, so a line counts as heard only once its clip really started playing
 * in Chromium. A phrase that was synthesised but cut before it played, or that
 * failed in the engine, is not heard.
 */
export class Transcript {
  private mark = 0;
  /** The page's performance.now() at the checkpoint: only plays after it count, so an old play of the same clip does not. */
  private playedAfter = 0;
  constructor(
    readonly file: string,
    private page?: Page,
  ) {}

  /** The page whose player decides what was heard (the kiosk helper starts before any page exists). */
  attach(page: Page): void {
    this.page = page;
  }

  /**
   * Every line the core synthesised, played or not: for "never said" checks, the strictest reading.
   * Only whole lines: the kiosk may be appending one while the test reads (a full run once read half a line).
   */
  all(): HeardLine[] {
    if (!existsSync(this.file)) return [];
    const text = readFileSync(this.file, 'utf8');
    return text
      .slice(0, text.lastIndexOf('\n') + 1)
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as HeardLine);
  }

  /** Lines played since the last checkpoint(). */
  async sinceMark(): Promise<HeardLine[]> {
    if (!this.page) throw new Error('Transcript: attach(page) first; what was heard depends on what the page played');
    const played = new Set(
      (await speechEvents(this.page)).filter((event) => event.type === 'play' && event.at >= this.playedAfter).map((event) => event.src),
    );
    return this.all()
      .slice(this.mark)
      .filter((line) => played.has(`/api/media/speech/${line.clip}.wav`));
  }

  async checkpoint(): Promise<void> {
    this.mark = this.all().length;
    this.playedAfter = this.page ? await this.page.evaluate(() => performance.now()) : 0;
  }

  /** Everything heard since the checkpoint, as one string, to match phrases in order-insensitive ways. */
  async text(): Promise<string> {
    return (await this.sinceMark()).map((line) => line.text).join(' | ');
  }
}
