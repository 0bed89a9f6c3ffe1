import { formBody } from './formBody.js';

/**
 * A phone's browser with JavaScript off, reduced to what the phone pages
 * need: the session cookie, links followed, forms posted from the page they
 * are on (same origin, with the page's form token), redirects followed as a browser follows a 303.
 */
export interface PhonePage {
  readonly status: number;
  readonly url: string;
  readonly text: string;
}

export interface PhoneClient {
  get(path: string): Promise<PhonePage>;
  /** Posts to `path` with the form token of the last page seen (or `csrf`), as a browser posts that page's form. */
  post(
    path: string,
    fields: Record<string, string | readonly string[]>,
    options?: { csrf?: string; headers?: Record<string, string> },
  ): Promise<PhonePage>;
  /** The form token of the last page. */
  readonly csrf: string;
  readonly cookie: string;
}

/** `send`: how requests leave; another address's fetch for phones behind their own addresses (the fleet simulation). */
export function phoneClient(base: string, send: typeof fetch = fetch): PhoneClient {
  let cookie = '';
  let last = '';
  const csrfOf = (text: string) => /name="_csrf" value="([^"]+)"/.exec(text)?.[1] ?? '';
  const follow = async (response: Response, hops = 0): Promise<PhonePage> => {
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0] ?? '';
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location && hops < 10) {
      return follow(await send(new URL(location, base), { headers: { cookie }, redirect: 'manual' }), hops + 1);
    }
    const text = await response.text();
    if (csrfOf(text)) last = text;
    return { status: response.status, url: new URL(response.url || base).pathname, text };
  };
  return {
    get csrf() {
      return csrfOf(last);
    },
    get cookie() {
      return cookie;
    },
    async get(path) {
      return follow(await send(`${base}${path}`, { headers: { cookie }, redirect: 'manual' }));
    },
    async post(path, fields, options = {}) {
      const body = formBody({ _csrf: options.csrf ?? csrfOf(last), ...fields });
      return follow(
        await send(`${base}${path}`, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', ...options.headers },
          body,
        }),
      );
    },
  };
}
