import type { Language } from '../../protocol/languages.js';
import { html, type SafeHtml } from './html.js';

/**
 * Times on staff and public pages: "2026-11-27T09:05:00Z" -> "2026-11-27 13:05" in Tbilisi time (UTC+4, no daylight saving).
 * One function for every audience, so a time reads the same in the console and on the public record.
 */
export function tbilisiTime(iso: string | null): string {
  if (!iso) return '—';
  const shifted = new Date(Date.parse(iso) + 4 * 3_600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

/** How each language names the zone every public time is in (Tbilisi has no daylight saving: always UTC+4). */
const ZONE: Readonly<Record<Language, string>> = {
  ka: 'თბილისის დროით',
  en: 'Tbilisi time',
  ru: 'по тбилисскому времени',
  az: 'Tbilisi vaxtı ilə',
  hy: 'Թբիլիսիի ժամանակով',
};

/**
 * A time on a public page: Tbilisi time that says so, in the reader's
 * language, with the instant itself in `datetime` (UTC) for machines.
 * Staff pages keep the bare form: everyone there works in Tbilisi.
 */
export function publicTime(iso: string | null, lang: Language): SafeHtml {
  const at = iso === null ? NaN : Date.parse(iso);
  if (iso === null || Number.isNaN(at)) return html`${iso ?? '—'}`;
  return html`<time datetime="${new Date(at).toISOString()}">${tbilisiTime(iso)} <span class="zone">(${ZONE[lang]}, UTC+4)</span></time>`;
}
