import type { TFunction } from 'i18next';
import { LANGUAGES, type Language } from '../../sync/protocol/languages.js';

/** A phrase, with the language it must be spoken in and whether it is private. */
export interface Utterance {
  readonly text: string;
  readonly lang?: Language | undefined;
  readonly private?: boolean | undefined;
}

/** Elements that can take focus and be spoken, in document order. */
export const FOCUSABLE = 'button:not([disabled]), textarea, input, select, [href], [tabindex="0"]';

const textOf = (element: Element | null): string => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The accessible name, the way a screen reader computes it for our markup. */
export function accessibleName(element: Element): string {
  const label = element.getAttribute('aria-label');
  if (label) return label.trim();
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy)
    return labelledBy
      .split(/\s+/)
      .map((id) => textOf(document.getElementById(id)))
      .join(' ')
      .trim();
  if (element.id) {
    const forLabel = document.querySelector(`label[for="${CSS.escape(element.id)}"]`);
    if (forLabel) return textOf(forLabel);
  }
  // Text not hidden from assistive technology; hidden descriptions are spoken separately.
  const clone = element.cloneNode(true) as Element;
  clone.querySelectorAll('[hidden], [aria-hidden="true"], .tile-note').forEach((node) => node.remove());
  return textOf(clone);
}

const languageOf = (element: Element): Language | undefined => {
  const lang = element.closest('[lang]')?.getAttribute('lang');
  return LANGUAGES.find((candidate) => candidate === lang);
};

type Role = 'button' | 'radio' | 'textbox' | 'link' | 'meter' | 'heading';

function roleOf(element: Element): Role | undefined {
  const role = element.getAttribute('role');
  if (role === 'radio' || role === 'link' || role === 'meter' || role === 'button') return role;
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement) return 'textbox';
  if (element instanceof HTMLButtonElement) return 'button';
  if (element instanceof HTMLAnchorElement) return 'link';
  if (/^H[1-6]$/.test(element.tagName)) return 'heading';
  return undefined;
}

/**
 * What audio mode says when an element takes focus: its name (in its own
 * language when it carries lang=, e.g. a language's name), role and state,
 * then its description (ACCESSIBILITY.md items 8 and 13). Typed text is private.
 */
export function describeElement(element: Element, t: TFunction): Utterance[] {
  const role = roleOf(element);
  const name = accessibleName(element);
  const parts: Utterance[] = [];
  if (role === 'textbox') {
    const value = (element as HTMLTextAreaElement).value;
    parts.push({ text: `${name}, ${t('audio.roles.textbox')}` });
    parts.push(value ? { text: value, private: true } : { text: t('audio.states.empty') });
    return parts;
  }
  const states: string[] = [];
  const checked = element.getAttribute('aria-checked');
  if (checked !== null) states.push(checked === 'true' ? t('audio.states.selected') : t('audio.states.notSelected'));
  if (element.getAttribute('aria-pressed') === 'true') states.push(t('audio.states.on'));
  if (element.getAttribute('aria-pressed') === 'false') states.push(t('audio.states.off'));
  if (element.getAttribute('aria-current') === 'true') states.push(t('audio.states.current'));
  if (element.getAttribute('aria-disabled') === 'true' || (element as HTMLButtonElement).disabled)
    states.push(t('audio.states.unavailable'));
  if (role === 'meter') {
    const value = Number(element.getAttribute('aria-valuenow') ?? 0);
    states.push(`${String(Math.round(value * 100))}%`);
  }
  const ownLanguage = languageOf(element);
  const roleText = role && role !== 'heading' ? t(`audio.roles.${role}`) : '';
  if (ownLanguage && ownLanguage !== languageOf(document.documentElement)) {
    parts.push({ text: name, lang: ownLanguage });
    parts.push({ text: [roleText, ...states].filter(Boolean).join(', ') });
  } else {
    parts.push({ text: [name, roleText, ...states].filter(Boolean).join(', ') });
  }
  const describedBy = element.getAttribute('aria-describedby');
  if (describedBy) {
    const description = describedBy
      .split(/\s+/)
      .map((id) => textOf(document.getElementById(id)))
      .join(' ')
      .trim();
    if (description && description !== name) parts.push({ text: description });
  }
  return parts.filter((part) => part.text.length > 0);
}
