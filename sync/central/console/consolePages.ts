import type { StaffRole } from '../db/schema.js';
import { html, type SafeHtml } from '../web/html.js';
import { page } from '../web/layout.js';
import type { ConsoleSession } from './consoleSession.js';
import type { ConsoleTexts } from './consoleTexts.js';
import { csrfField } from './csrf.js';

/** The link that switches the console to the other language and comes back to this page. */
const languageSwitch = (t: ConsoleTexts, path: string): SafeHtml =>
  html`<a href="/console/language/${t.otherLanguage.code}?next=${encodeURIComponent(path)}" lang="${t.otherLanguage.code}" hreflang="${t.otherLanguage.code}">${t.otherLanguage.name}</a>`;

/** Every console page: where to go, who is signed in, sign out (a POST with the CSRF token), the other language. */
export function consolePage(
  session: ConsoleSession | { readonly t: ConsoleTexts; readonly path: string },
  title: string,
  body: SafeHtml,
  current?: 'inbox',
): SafeHtml {
  const { t } = session;
  const signedIn = 'csrfToken' in session ? session : undefined;
  return page({
    title,
    lang: t.lang,
    siteName: t.consoleName,
    skipLabel: t.skip,
    nav: signedIn
      ? [
          { href: '/console/feedback', label: t.nav.inbox, current: current === 'inbox' },
          { href: '/console/content', label: t.nav.content },
          { href: '/console/proposals', label: t.nav.proposals },
          { href: '/console/record', label: t.nav.record },
          { href: '/console/desks', label: t.nav.desks },
          { href: '/console/fleet', label: t.nav.fleet },
          { href: '/console/alerts', label: t.nav.alerts },
          { href: `/figures${t.lang === 'en' ? '?lang=en' : ''}`, label: t.nav.figures },
        ]
      : [],
    aside: signedIn
      ? html`<a href="/console/account" title="${t.account.title}">${signedIn.username}</a> <span>(${t.roles[signedIn.role] ?? signedIn.role})</span>
<form class="inline" method="post" action="/console/logout">${csrfField(signedIn)}<button type="submit" class="secondary">${t.signOut}</button></form> ${languageSwitch(t, session.path)}`
      : languageSwitch(t, session.path),
    body,
  });
}

export function loginPage(t: ConsoleTexts, next: string, error?: string): SafeHtml {
  return consolePage(
    { t, path: `/console/login?next=${encodeURIComponent(next)}` },
    t.login.title,
    html`${error ? html`<p class="error" role="alert" id="login-error">${error}</p>` : ''}
<form class="stack" method="post" action="/console/login">
<input type="hidden" name="next" value="${next}">
<label for="username">${t.login.username}</label>
<input id="username" name="username" autocomplete="username" required${error ? html` aria-describedby="login-error"` : ''}>
<label for="password">${t.login.password}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<div><button type="submit">${t.login.button}</button></div>
</form>`,
  );
}

export function forbiddenPage(session: ConsoleSession, roles: readonly StaffRole[]): SafeHtml {
  const { t } = session;
  const needed = roles.map((role) => t.roles[role] ?? role).join(t.forbidden.or);
  return consolePage(
    session,
    t.forbidden.title,
    html`<p class="error" role="alert">${t.forbidden.text(needed, t.roles[session.role] ?? session.role)}</p>`,
  );
}
