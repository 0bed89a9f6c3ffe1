import type { StaffRole } from '../db/schema.js';
import { csrfField } from './csrf.js';
import type { StaffSession } from '../services/staffAuth.js';
import { html, type SafeHtml } from '../web/html.js';
import { page } from '../web/layout.js';

export const CONSOLE_NAME = 'PSH staff console';

/** Header of every console page: where to go, who is signed in, and sign out (a POST with the CSRF token). */
export function consolePage(session: StaffSession | undefined, title: string, body: SafeHtml, current?: 'inbox'): SafeHtml {
  return page({
    title,
    lang: 'en',
    siteName: CONSOLE_NAME,
    skipLabel: 'Skip to main content',
    nav: session
      ? [
          { href: '/console/feedback', label: 'Feedback inbox', current: current === 'inbox' },
          { href: '/console/content', label: 'Surveys and content' },
          { href: '/console/proposals', label: 'Proposals' },
          { href: '/figures?lang=en', label: 'Public figures' },
        ]
      : [],
    aside: session
      ? html`<span>${session.username} (${session.role})</span>
<form class="inline" method="post" action="/console/logout">${csrfField(session)}<button type="submit" class="secondary">Sign out</button></form>`
      : html``,
    body,
  });
}

export function loginPage(next: string, error?: string): SafeHtml {
  return consolePage(
    undefined,
    'Sign in',
    html`${error ? html`<p class="error" role="alert" id="login-error">${error}</p>` : ''}
<form class="stack" method="post" action="/console/login">
<input type="hidden" name="next" value="${next}">
<label for="username">Username</label>
<input id="username" name="username" autocomplete="username" required${error ? html` aria-describedby="login-error"` : ''}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<div><button type="submit">Sign in</button></div>
</form>`,
  );
}

export function forbiddenPage(session: StaffSession, roles: readonly StaffRole[]): SafeHtml {
  return consolePage(
    session,
    'Not allowed',
    html`<p class="error" role="alert">This page needs the role ${roles.join(' or ')}; you are signed in as ${session.role}. Ask an administrator.</p>`,
  );
}
