import { expect, type Page } from '@playwright/test';
import type { Language } from '../../../sync/protocol/languages.js';
import { pronounce } from '../../../src-renderer/audio/pronunciation.js';
import type { Messages } from '../../../sync/texts/en.js';
import { speechEvents } from './speechEvents.js';
import type { HeardLine, Transcript } from './transcript.js';
import { wrongVoiceLines } from './voices.js';

/** How long a key may take to be answered by speech before it counts as silent (a cold synthesis is about 1 s here). */
const ANSWER_WITHIN_MS = 4000;

/** The focused element as the test sees it: its role as audio mode names it, its name, and an identity across presses. */
interface Focused {
  readonly id: string;
  readonly role: string;
  readonly name: string;
  readonly checkable: boolean;
}

const focusedNow = (page: Page): Promise<Focused> =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) return { id: 'body', role: '', name: '', checkable: false };
    // A stable identity per element for this page: a counter written once, never read by the kiosk.
    element.dataset.eyesFreeId ??= String(Math.random());
    const explicit = element.getAttribute('role');
    const role =
      element.id === 'screen-title'
        ? 'title'
        : (explicit ??
          (element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement
            ? 'textbox'
            : element instanceof HTMLAnchorElement
              ? 'link'
              : element instanceof HTMLButtonElement
                ? 'button'
                : ''));
    // The name as a screen reader computes it: hidden parts and descriptions (said after it) left out, words apart.
    const clone = element.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('[aria-hidden="true"], .tile-note').forEach((node) => node.remove());
    for (const id of (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean))
      clone.querySelector(`#${CSS.escape(id)}`)?.remove();
    const words: string[] = [];
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) words.push(node.textContent ?? '');
      else node.childNodes.forEach((child) => (words.push(' '), walk(child)));
    };
    walk(clone);
    const name = (element.getAttribute('aria-label') ?? words.join('')).replace(/\s+/g, ' ').trim();
    return { id: element.dataset.eyesFreeId, role, name, checkable: element.hasAttribute('aria-checked') };
  });

export interface FlowFigures {
  readonly flow: string;
  readonly presses: number;
  readonly seconds: number;
  /** Presses after which nothing was said, each as "key on what had focus". */
  readonly silent: readonly string[];
  readonly wrongVoice: readonly string[];
  /** Focus stops whose speech lacked the name, the role or (for a choice) the state. */
  readonly badStops: readonly string[];
  readonly stops: number;
  readonly longLines: readonly string[];
}

/**
 * A blind visitor's keys, measured as issue #13 measures them: every press
 * must be answered by speech within a few seconds, every focus stop must say
 * the element's name, role and (for a choice) state, and every line must be in
 * its own voice. The test decides where to go from the page (as a visitor who
 * knows the kiosk would from what was said); what it counts is only what the
 * kiosk said back.
 */
export class EyesFreeVisitor {
  private presses = 0;
  private readonly silent: string[] = [];
  private readonly badStops: string[] = [];
  private stops = 0;
  private readonly firstLine: number;
  private readonly started = Date.now();

  constructor(
    readonly page: Page,
    private readonly transcript: Transcript,
    private readonly m: Messages,
    private readonly language: Language,
    readonly flow: string,
  ) {
    this.firstLine = transcript.all().length;
  }

  /** Presses a key as the visitor, then waits for the kiosk's answer and checks what a new focus stop said. */
  async press(key: string): Promise<void> {
    const before = await focusedNow(this.page);
    const linesBefore = this.transcript.all().length;
    const at = await this.page.evaluate(() => performance.now());
    this.presses += 1;
    await this.page.keyboard.press(key);
    const answered = await this.waitFor(async () => (await speechEvents(this.page)).some((e) => e.type === 'request' && e.at >= at));
    if (!answered) this.silent.push(`${key} on "${before.name || before.role || before.id}"`);
    const after = await focusedNow(this.page);
    if (after.id === before.id || after.role === 'title' || after.id === 'body') return;
    this.stops += 1;
    const roleWord = (this.m.audio.roles as Record<string, string>)[after.role];
    const stateWords = Object.values(this.m.audio.states);
    const said = () => this.transcript.all().slice(linesBefore);
    // Names compared by their words: the kiosk drops signs no voice reads ("·") and may say a name in parts.
    const words = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const complete = (lines: readonly HeardLine[]) => {
      const text = words(lines.map((line) => line.text).join(' '));
      const named = [after.name, pronounce(after.name, this.language)].some((name) => text.includes(words(name)));
      const roled = roleWord !== undefined && text.includes(roleWord);
      const stated = !after.checkable || stateWords.some((word) => text.includes(word));
      return named && roled && stated;
    };
    if (!(await this.waitFor(() => Promise.resolve(complete(said())))))
      this.badStops.push(
        `${after.role || '?'} "${after.name}" said: ${
          said()
            .map((line) => line.text)
            .join(' | ') || '(nothing)'
        }`,
      );
  }

  private async waitFor(check: () => Promise<boolean>): Promise<boolean> {
    const until = Date.now() + ANSWER_WITHIN_MS;
    for (;;) {
      if (await check()) return true;
      if (Date.now() > until) return false;
      await this.page.waitForTimeout(50);
    }
  }

  /** The focused element's visible text (for the test's own decisions). */
  focusedText(): Promise<string> {
    return this.page.evaluate(() => (document.activeElement?.textContent ?? '').replace(/\s+/g, ' ').trim());
  }

  /** Presses `key` until the focused element's text is `text` (or holds it), as a visitor listening for it would. */
  async moveTo(text: string, { key = 'ArrowDown', holds = false }: { key?: string; holds?: boolean } = {}): Promise<void> {
    for (let tries = 0; tries < 80; tries += 1) {
      const focused = await this.focusedText();
      if (holds ? focused.includes(text) : focused === text) return;
      await this.press(key);
    }
    throw new Error(`${this.flow}: "${text}" never took focus`);
  }

  /** Moves to a control and presses Enter on it. */
  async choose(text: string, options: { key?: string; holds?: boolean } = {}): Promise<void> {
    await this.moveTo(text, options);
    await this.press('Enter');
  }

  /** Presses Down until a text box has focus. */
  async moveToTextBox(): Promise<void> {
    for (let tries = 0; tries < 80; tries += 1) {
      if (
        await this.page.evaluate(
          () => document.activeElement instanceof HTMLTextAreaElement || document.activeElement instanceof HTMLInputElement,
        )
      )
        return;
      await this.press('ArrowDown');
    }
    throw new Error(`${this.flow}: no text box took focus`);
  }

  /** Types `text` on the on-screen keyboard's grid by arrows and Enter, the shorter way round each row. */
  async typeOnGrid(text: string, spaceName: string): Promise<void> {
    const keyText = () => this.focusedText().then((focused) => focused.replace(/^[⌫⇧] /, ''));
    if (!(await this.page.evaluate(() => Boolean(document.activeElement?.closest('.osk'))))) await this.press('ArrowDown');
    for (const char of text) {
      const printed = char === ' ' ? spaceName : char;
      const rows = await this.page.evaluate(() =>
        Array.from(document.querySelectorAll('.osk-row')).map((row) =>
          Array.from(row.querySelectorAll('button')).map((button) => (button.textContent ?? '').replace(/^[⌫⇧] /, '')),
        ),
      );
      const where = (printedKey: string): [number, number] => {
        for (const [row, keys] of rows.entries()) if (keys.includes(printedKey)) return [row, keys.indexOf(printedKey)];
        throw new Error(`${this.flow}: no key "${printedKey}" on the keyboard`);
      };
      const [toRow, toColumn] = where(printed);
      let [row, column] = where(await keyText());
      while (row !== toRow) {
        await this.press(row < toRow ? 'ArrowDown' : 'ArrowUp');
        [row, column] = where(await keyText());
      }
      const length = rows[row]?.length ?? 1;
      const right = (toColumn - column + length) % length;
      for (let moved = 0; moved < Math.min(right, length - right); moved += 1)
        await this.press(right <= length - right ? 'ArrowRight' : 'ArrowLeft');
      expect(await keyText()).toBe(printed);
      await this.press('Enter');
    }
  }

  /** The flow's figures, from its first press to now. */
  figures(): FlowFigures {
    const lines = this.transcript.all().slice(this.firstLine);
    return {
      flow: this.flow,
      presses: this.presses,
      seconds: Math.round((Date.now() - this.started) / 100) / 10,
      silent: this.silent,
      wrongVoice: wrongVoiceLines(lines),
      badStops: this.badStops,
      stops: this.stops,
      longLines: lines.filter((line) => line.text.length > 200).map((line) => line.text),
    };
  }
}

/** One row of the table, for the test log. */
export const figuresRow = (f: FlowFigures): string =>
  `| ${f.flow} | ${String(f.presses)} | ${String(f.seconds)} | ${String(f.silent.length)} | ${String(f.wrongVoice.length)} | ${String(f.badStops.length)} of ${String(f.stops)} |`;
