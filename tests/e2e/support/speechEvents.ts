import type { Page } from '@playwright/test';
import type { PlayerEvent } from '../../../src-renderer/audio/player.js';

/** The kiosk page's speech player events (request/play/end/stop, with performance.now() times). */
export const speechEvents = (page: Page): Promise<PlayerEvent[]> =>
  page.evaluate(() => (window as unknown as { pshSpeechEvents?: PlayerEvent[] }).pshSpeechEvents ?? []);

export const lastSpeechEvent = async (page: Page): Promise<PlayerEvent['type'] | undefined> => (await speechEvents(page)).at(-1)?.type;
