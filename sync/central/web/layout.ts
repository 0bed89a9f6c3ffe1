import type { FastifyReply } from 'fastify';
import { html, type SafeHtml } from './html.js';

/** No script at all, styles from our own file only, forms post only to us, never framed. */
export const PAGE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; media-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export interface NavLink {
  readonly href: string;
  readonly label: string;
  readonly current?: boolean;
}

export interface PageOptions {
  readonly title: string;
  readonly lang: string;
  readonly siteName: string;
  readonly nav: readonly NavLink[];
  readonly body: SafeHtml;
  /** Right side of the header: who is signed in, a language switch. */
  readonly aside?: SafeHtml;
  readonly skipLabel: string;
}

export function page(options: PageOptions): SafeHtml {
  return html`<!doctype html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · ${options.siteName}</title>
<link rel="stylesheet" href="/static/site.css">
</head>
<body>
<a class="skip" href="#main">${options.skipLabel}</a>
<header class="site">
<strong>${options.siteName}</strong>
<nav aria-label="${options.siteName}"><ul>${options.nav.map(
    (link) => html`<li><a href="${link.href}"${link.current ? html` aria-current="page"` : ''}>${link.label}</a></li>`,
  )}</ul></nav>
<div class="who">${options.aside}</div>
</header>
<main id="main">
<h1>${options.title}</h1>
${options.body}
</main>
</body>
</html>`;
}

/** `csp` only where a page runs a script of ours (the phone's voice recorder); every other page runs none. */
export function sendPage(reply: FastifyReply, markup: SafeHtml, status = 200, csp = PAGE_CSP): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', csp)
    .header('cache-control', 'no-store')
    .send(markup.text);
}
