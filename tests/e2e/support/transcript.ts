import { existsSync, readFileSync } from 'node:fs';

export interface HeardLine {
  readonly t: string;
  readonly lang: string;
  readonly text: string;
  readonly private: boolean;
}

/** What a blind visitor heard: the kiosk core's speech transcript (a test-only JSONL file). */
export class Transcript {
  private mark = 0;
  constructor(readonly file: string) {}

  all(): HeardLine[] {
    if (!existsSync(this.file)) return [];
    return readFileSync(this.file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as HeardLine);
  }

  /** Lines spoken since the last checkpoint(). */
  sinceMark(): HeardLine[] {
    return this.all().slice(this.mark);
  }

  checkpoint(): void {
    this.mark = this.all().length;
  }

  /** Everything heard since the checkpoint, as one string, to match phrases in order-insensitive ways. */
  text(): string {
    return this.sinceMark()
      .map((line) => line.text)
      .join(' | ');
  }
}
