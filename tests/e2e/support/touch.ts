import type { CDPSession, Locator, Page } from '@playwright/test';

/**
 * Touch gestures through Chromium's DevTools protocol (Input.dispatchTouchEvent):
 * real touch events, including two fingers and swipes, which Playwright's
 * touchscreen.tap cannot make.
 */
export class Touch {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async on(page: Page): Promise<Touch> {
    return new Touch(page, await page.context().newCDPSession(page));
  }

  private send(type: 'touchStart' | 'touchMove' | 'touchEnd', points: Array<{ x: number; y: number }>) {
    return this.cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((point, id) => ({ ...point, id })) });
  }

  async centre(target: Locator): Promise<{ x: number; y: number }> {
    const box = await target.boundingBox();
    if (!box) throw new Error('target is not on screen');
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  async tap(at: { x: number; y: number }): Promise<void> {
    await this.send('touchStart', [at]);
    await this.send('touchEnd', []);
  }

  /** Two quick taps: activates whatever has focus, wherever it lands. */
  async doubleTap(at: { x: number; y: number }): Promise<void> {
    await this.tap(at);
    await this.page.waitForTimeout(80);
    await this.tap(at);
  }

  async hold(at: { x: number; y: number }, ms: number): Promise<void> {
    await this.send('touchStart', [at]);
    await this.page.waitForTimeout(ms);
    await this.send('touchEnd', []);
  }

  async swipe(from: { x: number; y: number }, dx: number): Promise<void> {
    await this.send('touchStart', [from]);
    for (let step = 1; step <= 5; step += 1) await this.send('touchMove', [{ x: from.x + (dx * step) / 5, y: from.y }]);
    await this.send('touchEnd', []);
  }

  /** Two fingers held at once, each at its own place (technician mode's two opposite corners). */
  async holdTwo(first: { x: number; y: number }, second: { x: number; y: number }, ms: number): Promise<void> {
    await this.send('touchStart', [first, second]);
    await this.page.waitForTimeout(ms);
    await this.send('touchEnd', []);
  }

  async twoFingerTap(at: { x: number; y: number }): Promise<void> {
    await this.send('touchStart', [at, { x: at.x + 120, y: at.y }]);
    await this.send('touchEnd', []);
  }
}
