import { html, type SafeHtml } from '../web/html.js';
import { page } from '../web/layout.js';
import { publicTexts, type PublicLanguage } from './publicTexts.js';

/** The public site's sections, in its navigation. */
export type PublicSection = 'status' | 'figures' | 'results' | 'record';

export function publicNav(lang: PublicLanguage, current: PublicSection | undefined) {
  const texts = publicTexts(lang);
  const suffix = lang === 'en' ? '?lang=en' : '';
  return [
    // First: the web channel's way in (the phone pages without a desk), where a visitor can take part, not only read.
    { href: `/take-part${suffix}`, label: texts.navTakePart, current: false },
    { href: `/feedback${suffix}`, label: texts.navStatus, current: current === 'status' },
    { href: `/figures${suffix}`, label: texts.navFigures, current: current === 'figures' },
    { href: `/results${suffix}`, label: texts.navResults, current: current === 'results' },
    { href: `/record${suffix}`, label: texts.navRecord, current: current === 'record' },
  ];
}

/** A link to this page in the other language (Georgian is the default; `?lang=en` switches). */
const languageSwitch = (lang: PublicLanguage, path: string): SafeHtml => {
  const other = lang === 'en' ? 'ka' : 'en';
  const en = other === 'en' ? `${path.includes('?') ? '&' : '?'}lang=en` : '';
  return html`<a href="${path}${en}" lang="${other}" hreflang="${other}">${publicTexts(lang).otherLanguage}</a>`;
};

export interface PublicPageOptions {
  readonly lang: PublicLanguage;
  readonly title: string;
  /** The navigation entry this page belongs to. */
  readonly section?: PublicSection;
  /** The page's own path, for the switch to the other language; no switch without it. */
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
