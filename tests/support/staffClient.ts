import { formBody } from './formBody.js';
import type { RunningCentral } from '../../sync/central/startCentral.js';
import { CONSOLE_LANGUAGE_COOKIE } from '../../sync/central/console/consoleTexts.js';

/** The console in English for these tests (its default is Georgian): they read its English words. */
const ENGLISH = `${CONSOLE_LANGUAGE_COOKIE}=en`;

/** A staff member's browser, reduced to what the console needs: a session cookie and the page's CSRF token. */
export interface StaffClient {
  readonly cookie: string;
  page(path: string): Promise<{ status: number; text: string }>;
  /** Posts a console form the way a browser on the console page would (same origin, with the CSRF token). */
  post(
    path: string,
    fields: Record<string, string | readonly string[]>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; text: string }>;
}

export async function signInStaff(
  central: Pick<RunningCentral, 'url'>,
  username: string,
  password: string,
): Promise<StaffClient | { status: number; text: string }> {
  const response = await fetch(`${central.url}/console/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: central.url,
      'sec-fetch-site': 'same-origin',
      cookie: ENGLISH,
    },
    body: new URLSearchParams({ username, password, next: '/console/feedback' }).toString(),
  });
  if (response.status !== 303) return { status: response.status, text: await response.text() };
  const cookie = `${(response.headers.get('set-cookie') ?? '').split(';')[0] ?? ''}; ${ENGLISH}`;
  const page = async (path: string) => {
    const answer = await fetch(`${central.url}${path}`, { headers: { cookie }, redirect: 'manual' });
    return { status: answer.status, text: await answer.text() };
  };
  return {
    cookie,
    page,
    async post(path, fields, headers = {}) {
      const csrf = /name="_csrf" value="([^"]+)"/.exec((await page('/console/feedback')).text)?.[1] ?? '';
      const answer = await fetch(`${central.url}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          cookie,
          'content-type': 'application/x-www-form-urlencoded',
          origin: central.url,
          'sec-fetch-site': 'same-origin',
          ...headers,
        },
        // A field given as a list is posted once per value, as a browser posts a group of checkboxes.
        body: formBody({ _csrf: csrf, ...fields }),
      });
      return { status: answer.status, text: await answer.text() };
    },
  };
}

export const isSignedIn = (client: StaffClient | { status: number }): client is StaffClient => 'cookie' in client;
