import { LANGUAGES } from '../../protocol/languages.js';
import { html, type SafeHtml } from '../web/html.js';
import { LANGUAGE_NAMES, type PhoneTexts } from './phoneTexts.js';
import type { ListenAudio } from '../services/spokenPages.js';

export interface FieldProblem {
  /** The id of the input the summary links to. */
  readonly field: string;
  readonly message: string;
}

export interface PhonePageOptions {
  readonly t: PhoneTexts;
  readonly title: string;
  /** The page's path without its query: the language and display links come back to it. */
  readonly path: string;
  readonly body: SafeHtml;
  readonly back?: string;
  /** The desk's page, linked from the footer. */
  readonly home?: string;
  readonly display: { readonly largeText: boolean; readonly highContrast: boolean };
  readonly problems?: readonly FieldProblem[];
  /** Set when the heading is the legend or label of the form (GOV.UK's question pages): no separate h1. */
  readonly headingInBody?: boolean;
  /** The question read aloud (the Listen button): a native audio player, which works with JavaScript off. */
  readonly listen?: ListenAudio;
  /** A script that enhances this page (only the feedback page's voice recorder): the page works without it. */
  readonly script?: string;
}

/**
 * The Listen button: the browser's own player, labelled, loading nothing until pressed. Ogg Opus first (a
 * fifteenth of the bytes, for mobile data), the WAV for a browser that cannot play Opus.
 */
const listenPlayer = (t: PhoneTexts, audio: ListenAudio): SafeHtml =>
  html`<div class="listen"><span id="listen-label">${t.p.listen}</span>
<audio controls preload="none" aria-labelledby="listen-label">${audio.opus ? html`<source src="${audio.opus}" type="audio/ogg; codecs=opus">` : ''}<source src="${audio.wav}" type="audio/wav"><a href="${audio.wav}">${t.p.listen}</a></audio></div>`;

/** The error summary at the top of a page: focusable, each problem a link to its field (GOV.UK's pattern). */
export const errorSummary = (t: PhoneTexts, problems: readonly FieldProblem[]): SafeHtml =>
  problems.length === 0
    ? html``
    : html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">${t.p.problemTitle}</h2>
<ul>${problems.map((problem) => html`<li><a href="#${problem.field}">${problem.message}</a></li>`)}</ul>
</div>`;

/**
 * Every phone page: no script (the flows work the same with JavaScript off;
 * only the feedback page adds its voice recorder where the browser can record), one stylesheet, the five languages each named in itself, the display
 * switches (large text, high contrast) that the session keeps, and a title
 * that starts with "Error:" when the form has problems, as screen readers announce titles first.
 */
export function phonePage(options: PhonePageOptions): SafeHtml {
  const { t, display } = options;
  const classes = [display.largeText ? 'large-text' : '', display.highContrast ? 'high-contrast' : ''].filter(Boolean).join(' ');
  const errorPrefix = options.problems && options.problems.length > 0 ? `${t.p.problemTitle}: ` : '';
  const toggle = (name: 'text' | 'contrast', on: boolean, label: string) =>
    html`<a class="toggle" href="${options.path}?${name}=${on ? 'normal' : name === 'text' ? 'large' : 'high'}">${label}: ${on ? t.p.on : t.p.off}</a>`;
  return html`<!doctype html>
<html lang="${t.lang}"${classes ? html` class="${classes}"` : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${errorPrefix}${options.title} · ${t.p.siteName}</title>
<link rel="stylesheet" href="/static/site.css">
${options.script ? html`<script type="module" src="${options.script}"></script>` : ''}
</head>
<body class="phone">
<a class="skip" href="#main">${t.p.skip}</a>
<header class="site phone">
<strong>${t.p.siteName}</strong>
<nav aria-label="${t.p.languages}"><ul class="languages">${LANGUAGES.map(
    (lang) =>
      html`<li><a href="${options.path}?lang=${lang}" lang="${lang}" hreflang="${lang}"${lang === t.lang ? html` aria-current="true"` : ''}>${LANGUAGE_NAMES[lang]}</a></li>`,
  )}</ul></nav>
</header>
<main id="main">
${options.back ? html`<a class="back" href="${options.back}">${t.p.back}</a>` : ''}
${errorSummary(t, options.problems ?? [])}
${options.headingInBody ? '' : html`<h1>${options.title}</h1>`}
${options.listen ? listenPlayer(t, options.listen) : ''}
${options.body}
</main>
<footer class="phone">
<ul>
${options.home ? html`<li><a href="${options.home}">${t.p.backToDesk}</a></li>` : ''}
<li>${toggle('text', display.largeText, t.p.largeText)}</li>
<li>${toggle('contrast', display.highContrast, t.p.highContrast)}</li>
</ul>
</footer>
</body>
</html>`;
}
