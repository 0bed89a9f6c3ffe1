import { html, type SafeHtml } from '../web/html.js';
import { page } from '../web/layout.js';
import { LANGUAGE_NAMES, LANGUAGES } from '../../protocol/languages.js';
import { publicTexts, withLang, type PublicLanguage } from './publicTexts.js';

/** The public site's sections, in its navigation. */
export type PublicSection = 'status' | 'figures' | 'results' | 'record';

export function publicNav(lang: PublicLanguage, current: PublicSection | undefined) {
  const texts = publicTexts(lang);
  return [
    // First: the web channel's way in (the phone pages without a desk), where a visitor can take part, not only read.
    { href: withLang(lang, '/take-part'), label: texts.navTakePart, current: false },
    { href: withLang(lang, '/feedback'), label: texts.navStatus, current: current === 'status' },
    { href: withLang(lang, '/figures'), label: texts.navFigures, current: current === 'figures' },
    { href: withLang(lang, '/results'), label: texts.navResults, current: current === 'results' },
    { href: withLang(lang, '/record'), label: texts.navRecord, current: current === 'record' },
  ];
}

/** This page in each of the five languages, each named in itself: the phone pages' switch. */
const languageSwitch = (lang: PublicLanguage, path: string): SafeHtml =>
  html`<nav aria-label="${publicTexts(lang).languages}"><ul class="languages">${LANGUAGES.map(
    (other) =>
      html`<li><a href="${withLang(other, path)}" lang="${other}" hreflang="${other}"${other === lang ? html` aria-current="true"` : ''}>${LANGUAGE_NAMES[other]}</a></li>`,
  )}</ul></nav>`;

export interface PublicPageOptions {
  readonly lang: PublicLanguage;
  readonly title: string;
  /** The navigation entry this page belongs to. */
  readonly section?: PublicSection;
  /** The page's own path, for the switch to the other languages; no switch without it. */
  readonly path?: string;
  readonly body: SafeHtml;
}

/** Every public page: the site's name, its navigation, the language switch, the skip link, one h1. */
export function publicPage({ lang, title, section, path, body }: PublicPageOptions): SafeHtml {
  const texts = publicTexts(lang);
  return page({
    title,
    lang,
    siteName: texts.siteName,
    skipLabel: texts.skip,
    nav: publicNav(lang, section),
    ...(path ? { aside: languageSwitch(lang, path) } : {}),
    body,
  });
}
