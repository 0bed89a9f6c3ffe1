import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { LANGUAGES, type Language } from '../../protocol/languages.js';
import type { CentralDatabase } from '../db/schema.js';
import { fieldOf } from '../http/fields.js';
import { isSameOriginPost } from '../http/sameOrigin.js';
import { latestContentPack } from '../services/content.js';
import { deskByCode, webDesk, WEB_DESK_CODE, type Desk } from '../services/desks.js';
import {
  createPhoneSession,
  loadPhoneSession,
  PHONE_SESSION_TTL_MS,
  PhoneState,
  savePhoneSession,
  type PhoneSession,
} from '../services/phoneSessions.js';
import type { ListenAudio, SpokenPages } from '../services/spokenPages.js';
import type { VoteKeys } from '../services/voteCheck.js';
import { html, type SafeHtml } from '../web/html.js';
import { sendPage } from '../web/layout.js';
import { phonePage, type PhonePageOptions } from './phoneLayout.js';
import { phoneTexts, type PhoneTexts } from './phoneTexts.js';

export const PHONE_COOKIE = 'psh_phone';

export interface PhoneDeps {
  readonly db: Kysely<CentralDatabase>;
  readonly keys: VoteKeys;
  readonly secureCookies: boolean;
  /** The Listen buttons' audio. */
  readonly spoken: SpokenPages;
  /** Where voice messages arrive (tus file store, shared with the kiosks' uploads). */
  readonly uploadDir: string;
}

/** One phone request, once its desk, session and form token are checked. */
export interface PhoneContext {
  /** The desk the QR code named, or the web site's entry (webDesk: no branch, no desk id, every service). */
  readonly desk: Desk;
  /** 'phone' at a desk, 'web' from the web site's entry: the channel its submissions are counted under. */
  readonly channel: 'phone' | 'web';
  readonly t: PhoneTexts;
  readonly session: PhoneSession;
  /** The desk's page: /D/TB01-07. */
  readonly home: string;
  /** The page's path without its query. */
  readonly path: string;
  /** The hidden field every form carries. */
  readonly csrf: SafeHtml;
  /** Saves a new state (rotateCsrf after a submission) and returns it. */
  save(state: PhoneState, rotateCsrf?: boolean): Promise<PhoneSession>;
  /** Registers what this page's Listen button says (the question, then each choice) and returns its audio's URL. */
  listen(lines: readonly string[]): Promise<ListenAudio>;
  /** A phone page with this context's language, display, path and desk filled in. */
  page(options: Omit<PhonePageOptions, 't' | 'path' | 'display' | 'home'>): SafeHtml;
}

const sameToken = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

const isLanguage = (value: string | undefined): value is Language => LANGUAGES.includes(value as Language);

/** The switches a phone GET may carry (?lang=, ?text=, ?contrast=), applied to the state. */
function switchedState(state: PhoneState, query: unknown): PhoneState {
  const lang = fieldOf(query, 'lang');
  const text = fieldOf(query, 'text');
  const contrast = fieldOf(query, 'contrast');
  return {
    ...state,
    ...(isLanguage(lang) ? { lang } : {}),
    ...(text === 'large' || text === 'normal' ? { largeText: text === 'large' } : {}),
    ...(contrast === 'high' || contrast === 'normal' ? { highContrast: contrast === 'high' } : {}),
  };
}

/**
 * Runs a phone page: the desk its URL names (a page saying so when there is
 * none), the visitor's session (made on their first page, in a cookie that
 * only this site's pages send), the language and display switches, and for
 * every POST a same-origin request carrying the session's current form token.
 */
export function phoneHandler(
  deps: PhoneDeps,
  handler: (context: PhoneContext, request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>,
) {
  const { db, secureCookies } = deps;
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const path = request.url.split('?')[0] ?? '/';
    let session = await loadPhoneSession(db, request.cookies[PHONE_COOKIE]);
    const queryLang = fieldOf(request.query, 'lang');
    if (!session) {
      session = await createPhoneSession(db, PhoneState.parse({ lang: isLanguage(queryLang) ? queryLang : 'ka' }));
      void reply.setCookie(PHONE_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookies,
        maxAge: PHONE_SESSION_TTL_MS / 1000,
      });
    }
    const switched = switchedState(session.state, request.query);
    if (JSON.stringify(switched) !== JSON.stringify(session.state)) session = await savePhoneSession(db, session, switched);
    const code = (fieldOf(request.params, 'code') ?? '').trim().toUpperCase();
    const channel = code === WEB_DESK_CODE ? 'web' : 'phone';
    const words = phoneTexts(session.state.lang);
    // The web entry has no desk: its pages lead back to the start rather than to "the desk page".
    const t = channel === 'web' ? { ...words, p: { ...words.p, backToDesk: words.p.backToStart } } : words;
    const display = { largeText: session.state.largeText, highContrast: session.state.highContrast };
    const desk =
      channel === 'web' ? webDesk((await latestContentPack(db))?.services.map((service) => service.id) ?? []) : await deskByCode(db, code);
    if (!desk) {
      return sendPage(reply, phonePage({ t, title: t.p.unknownDeskTitle, path, display, body: html`<p>${t.p.unknownDesk}</p>` }), 404);
    }
    const home = `/D/${desk.code}`;
    if (request.method === 'POST' && (!isSameOriginPost(request) || !sameToken(fieldOf(request.body, '_csrf') ?? '', session.csrfToken))) {
      return sendPage(
        reply,
        phonePage({
          t,
          title: t.p.expiredTitle,
          path,
          display,
          home,
          body: html`<p>${t.p.expired}</p><p><a class="button" href="${home}">${t.p.backToDesk}</a></p>`,
        }),
        403,
      );
    }
    let current = session;
    const context: PhoneContext = {
      desk,
      channel,
      t,
      home,
      path,
      get session() {
        return current;
      },
      get csrf() {
        return html`<input type="hidden" name="_csrf" value="${current.csrfToken}">`;
      },
      async save(state, rotateCsrf = false) {
        current = await savePhoneSession(db, current, state, rotateCsrf);
        return current;
      },
      listen: (lines) => deps.spoken.register(t.lang, lines),
      page: (options) => phonePage({ ...options, t, path, display, home }),
    };
    return handler(context, request, reply);
  };
}
