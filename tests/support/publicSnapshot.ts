import { createHash } from 'node:crypto';

/** What the public sees: every public page and figure that takes no code. */
export const PUBLIC_PAGES = [
  '/',
  '/?lang=en',
  '/figures',
  '/results',
  '/record',
  '/record/entries?process=ballot%3Aimprovements-2026&measure=participation',
  '/record/entries?index=5',
  '/record/processes/ballot/improvements-2026',
  '/record/processes/feedback/tbilisi-central',
  '/results/ballots/improvements-2026',
  '/record/indicators',
  '/record/key',
  '/record/checkpoint',
  '/record/tile/entries/000.p/1',
  '/open311/v2/services.json',
  '/open311/v2/requests.json',
  '/feedback',
];

/** Each public page's status, type and a digest of its bytes, by path. */
export const publicSnapshot = async (url: string): Promise<Record<string, string>> => {
  const pages: Record<string, string> = {};
  for (const path of PUBLIC_PAGES) {
    const answer = await fetch(`${url}${path}`);
    // Status, type and a digest of the bytes: a failure names the page, not a screen of base64.
    const digest = createHash('sha256')
      .update(Buffer.from(await answer.arrayBuffer()))
      .digest('hex');
    pages[path] = `${String(answer.status)} ${answer.headers.get('content-type') ?? ''} ${digest}`;
  }
  return pages;
};
