import { existsSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { ka } from '../../sync/texts/ka.js';

/** One screen as a blind visitor heard it: how long the kiosk spoke before its first choice began. */
export interface HeardScreen {
  readonly flow: string;
  readonly title: string;
  readonly beforeChoiceS: number;
  /** Of that, the time after the title's clip ended: anything else said, or the choice's clip not ready. */
  readonly afterTitleS: number;
  /** What the clip after the title said, and the text of the control that had focus then ('' for the title). */
  readonly choiceSaid: string;
  readonly focusedText: string;
}

/** One flow: the time speech played, and the rest (the visitor's keys, the kiosk's work between screens). */
export interface HeardFlow {
  readonly flow: string;
  readonly screens: number;
  readonly listeningS: number;
  readonly otherS: number;
}

/** The page's speech player events (window.pshSpeechEvents: the renderer's PlayerEvent; scripts do not import the renderer). */
export interface PlayerEvent {
  readonly type: 'request' | 'play' | 'end' | 'stop' | 'error';
  readonly at: number;
  readonly src: string;
}

const PERSONAL_NUMBER = '01024085927';
const MESSAGE = 'კარგი რიგი';
/**
 * The buttons that take a screen on, in the order they are tried: go on without a comment, send a review,
 * finish (a thank-you, a result: not its next page, whose title does not change), skip the contact, check a
 * code, next.
 */
const ONWARD = [ka.comment.skip, ka.comment.send, ka.vote.send, ka.thanks.finish, ka.feedback.skipContact, ka.track.check, ka.rating.next];
/** What the visitor types where a screen asks for it (the track code is the feedback's, kept from its thank-you). */
const TYPED: Readonly<Record<string, string>> = {
  [ka.vote.personalTitle]: PERSONAL_NUMBER,
  [ka.feedback.messageTitle]: MESSAGE,
  [ka.propose.titleTitle]: 'ღამის ოფისი',
  [ka.propose.descriptionTitle]: MESSAGE,
};

// Page-side code is written as strings: this script is type-checked for Node, which has no DOM types.
export const events = (page: Page): Promise<PlayerEvent[]> => page.evaluate<PlayerEvent[]>('window.pshSpeechEvents ?? []');

/** The transcript's text of each clip the core made (`speech/<clip>.wav` is what the player is handed). */
export function clipTexts(transcript: string): Map<string, string> {
  const texts = new Map<string, string>();
  if (!existsSync(transcript)) return texts; // nothing said yet
  const lines = readFileSync(transcript, 'utf8').split('\n').filter(Boolean);
  for (const line of lines) {
    const { clip, text } = JSON.parse(line) as { clip: string; text: string };
    texts.set(`/api/media/speech/${clip}.wav`, text);
  }
  return texts;
}

/** Seconds of speech played from `since` (page time): each play until its end, its stop, or the next play. */
export function playedSeconds(all: readonly PlayerEvent[], since: number): number {
  let total = 0;
  let playing: number | undefined;
  for (const event of all.filter((candidate) => candidate.at >= since)) {
    if (playing !== undefined && event.type !== 'request') total += event.at - playing;
    playing = event.type === 'play' ? event.at : event.type === 'request' ? playing : undefined;
  }
  return total / 1000;
}

/**
 * A blind visitor with headphones, by keys, in Georgian, who acts as soon as
 * a screen's first choice begins to be said: each screen's speech before that
 * choice is measured on the page's player (from the title's clip starting to
 * the choice's clip starting), then the visitor does what the screen asks.
 */
export class ListeningVisitor {
  readonly screens: HeardScreen[] = [];
  readonly flows: HeardFlow[] = [];
  private trackingCode = '';

  constructor(
    private readonly page: Page,
    private readonly transcript: string,
    private readonly options: {
      /**
       * What the visitor also does on each screen once its first choice is heard (a test's checks), the first
       * time the screen comes; `since` is the page time its speech may begin from.
       */
      readonly onScreen?: (title: string, since: number) => Promise<void>;
      /** A screen met before (the welcome, language and home screens begin every visit) is acted on at once. */
      readonly hurryOnSeenScreens?: boolean;
    } = {},
  ) {}

  private now = (): Promise<number> => this.page.evaluate<number>('performance.now()');
  private heading = async (): Promise<string> => ((await this.page.locator('h1').first().textContent()) ?? '').trim();
  /** What holds focus: the screen's title, a text box, or a control's role (radio, checkbox) or tag (button). */
  private focusedRole = (): Promise<string> =>
    this.page.evaluate<string>(`(() => {
      const element = document.activeElement;
      if (!element || element.id === 'screen-title') return 'title';
      if (element.tagName === 'INPUT' || element.tagName === 'TEXTAREA') return 'textbox';
      return element.getAttribute('role') ?? element.tagName.toLowerCase();
    })()`);

  /**
   * Waits for this screen's title clip and the clip after it to start playing; the gap is the speech before
   * the choice. Answers whether the screen was new to this visitor (each screen is counted once).
   */
  private async listen(flow: string, since: number): Promise<boolean> {
    const title = await this.heading();
    // Its first words, as the transcript has them (Georgian titles begin in Georgian: nothing to pronounce otherwise).
    const spokenStart = title.slice(0, 12);
    const until = Date.now() + 20_000;
    while (Date.now() < until) {
      const texts = clipTexts(this.transcript);
      const all = await events(this.page);
      const plays = all.filter((event) => event.type === 'play' && event.at >= since);
      const titleAt = plays.findIndex((play) => (texts.get(play.src) ?? '').includes(spokenStart));
      const choice = titleAt >= 0 ? plays[titleAt + 1] : undefined;
      const titlePlay = plays[titleAt];
      if (choice && titlePlay) {
        // Each screen counts once (the welcome, language and home screens begin every visit).
        if (this.screens.some((screen) => screen.title === title)) return false;
        const titleEnd = all.find((event) => event.type === 'end' && event.src === titlePlay.src && event.at >= titlePlay.at);
        const afterTitleS = (choice.at - (titleEnd?.at ?? titlePlay.at)) / 1000;
        const choiceSaid = texts.get(choice.src) ?? '';
        const focusedText = await this.page.evaluate<string>(
          // Its name as audio mode says it: aria-label, else its text without the parts hidden from speech (icons).
          `(() => {
            const el = document.activeElement;
            if (!el || el.id === 'screen-title') return '';
            const clone = el.cloneNode(true);
            clone.querySelectorAll('[aria-hidden="true"]').forEach((node) => node.remove());
            return (el.getAttribute('aria-label') ?? clone.textContent ?? '').replace(/\\s+/g, ' ').trim();
          })()`,
        );
        this.screens.push({ flow, title, beforeChoiceS: (choice.at - titlePlay.at) / 1000, afterTitleS, choiceSaid, focusedText });
        return true;
      }
      await this.page.waitForTimeout(50);
    }
    const heard = (await events(this.page)).filter((event) => event.at >= since && event.type === 'play');
    const texts = clipTexts(this.transcript);
    throw new Error(
      `${flow}: "${title}" did not say a choice after its title within 20 s; played: ${heard.map((play) => texts.get(play.src) ?? play.src).join(' | ')}`,
    );
  }

  /** Waits for the screen after `title` (polled: the kiosk's CSP forbids the page-side function waitForFunction would compile). */
  private async nextScreen(title: string): Promise<void> {
    const until = Date.now() + 20_000;
    while ((await this.heading()) === title) {
      if (Date.now() > until) throw new Error(`"${title}" stayed on screen after the visitor acted`);
      await this.page.waitForTimeout(50);
    }
  }

  /**
   * Activates a button without moving focus to it first: its own focus phrase would start playing as the next
   * screen's speech begins, and a home tile is named as its screen is ("vote on initiatives"), so the walker could
   * take the one for the other. (The visitor's keys to reach it are not what is measured here.)
   */
  private async press(name: string): Promise<void> {
    await this.page.getByRole('button', { name, exact: true }).first().dispatchEvent('click');
  }

  private async exists(name: string): Promise<boolean> {
    return (await this.page.getByRole('button', { name, exact: true }).count()) > 0;
  }

  /** Does what the current screen asks: choose, type, go on, send or finish. */
  private async act(tile: string): Promise<void> {
    const title = await this.heading();
    if (title === ka.home.title) return this.press(tile);
    const code = this.page.getByTestId('tracking-code');
    if ((await code.count()) > 0) this.trackingCode = ((await code.textContent()) ?? '').replace(/[^0-9A-Z]/g, '');
    const typed = title === ka.track.title ? this.trackingCode : TYPED[title];
    if (typed) {
      await this.page.getByRole('textbox').first().focus();
      await this.page.keyboard.type(typed);
    } else if (['radio', 'checkbox'].includes(await this.focusedRole())) await this.page.keyboard.press('Enter');
    const button = await this.firstExisting(ONWARD);
    if (button) return this.press(button);
    // A list (its first item has focus), or a screen whose Enter the hint names (start).
    return this.page.keyboard.press('Enter');
  }

  private async firstExisting(names: readonly string[]): Promise<string | undefined> {
    for (const name of names) if (await this.exists(name)) return name;
    return undefined;
  }

  /** One visit: audio mode on at the welcome, Georgian, the home tile, each screen heard and acted on, until the welcome again. */
  async visit(flow: string, tile: string): Promise<void> {
    const started = await this.now();
    const wall = Date.now();
    let since = started;
    // Audio mode by holding Help, as a blind visitor starts it (focus stays on the welcome's title), once the
    // welcome is up.
    await this.page.getByRole('heading', { name: ka.welcome.title }).waitFor();
    await this.page.keyboard.down('F1');
    await this.page.waitForTimeout(2300);
    await this.page.keyboard.up('F1');
    for (let step = 0; step < 30; step += 1) {
      const title = await this.heading();
      const seen = this.screens.some((screen) => screen.title === title);
      if (!(seen && this.options.hurryOnSeenScreens) && (await this.listen(flow, since))) await this.options.onScreen?.(title, since);
      since = await this.now();
      await this.act(tile);
      await this.nextScreen(title);
      if ((await this.heading()) === ka.welcome.title) {
        const listeningS = playedSeconds(await events(this.page), started);
        const screens = this.screens.filter((screen) => screen.flow === flow).length;
        this.flows.push({ flow, screens, listeningS, otherS: (Date.now() - wall) / 1000 - listeningS });
        return;
      }
    }
    throw new Error(`${flow}: the visit did not end within 30 screens`);
  }
}
