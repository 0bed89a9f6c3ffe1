import type { TFunction } from 'i18next';
import { LANGUAGES, type Language } from '../../sync/protocol/languages.js';

/** A phrase, with the language it must be spoken in and whether it is private. */
export interface Utterance {
  readonly text: string;
  readonly lang?: Language | undefined;
  readonly private?: boolean | undefined;
  /** Said instead of a private part that may not be read aloud (default: the general private notice). */
  readonly instead?: string | undefined;
  /** Said only after a pause, once the rest was heard (a long description): moving on in the meantime skips it. */
  readonly afterPause?: boolean | undefined;
  /**
   * Begins a clip of its own, not joined to the part before it: a control's phrase after a screen's title is
   * then the clip focus says when the visitor comes back to it, made and decoded once (and where the choice
   * begins can be heard, and measured).
   */
  readonly startsClip?: boolean | undefined;
}

/** Elements that can take focus and be spoken, in document order. */
export const FOCUSABLE = 'button:not([disabled]), textarea, input, select, [href], [tabindex="0"]';

/**
 * An element's text with a space between its child elements, as a screen
 * reader reads it: a title and a description in two spans are two phrases,
 * not one run-on word.
 */
function textOf(element: Element | null): string {
  if (!element) return '';
  const words: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) words.push(node.textContent ?? '');
    else
      node.childNodes.forEach((child) => {
        words.push(' ');
        walk(child);
      });
  };
  walk(element);
  return words.join('').replace(/\s+/g, ' ').trim();
}

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
  // Text not hidden from assistive technology; descriptions (hidden or the element's own aria-describedby) are spoken separately.
  const clone = element.cloneNode(true) as Element;
  clone.querySelectorAll('[hidden], [aria-hidden="true"], .tile-note').forEach((node) => node.remove());
  for (const id of (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean))
    clone.querySelector(`#${CSS.escape(id)}`)?.remove();
  return textOf(clone);
}

/**
 * The name as parts, each in its own voice: a name computed from content
 * keeps the language of any child that carries lang= ("keyboard: English"
 * is Georgian, then English), so no voice reads another language's words.
 */
function nameParts(element: Element, name: string, screenLanguage: Language | undefined): Utterance[] {
  const own = languageOf(element);
  if (own && own !== screenLanguage) return [{ text: name, lang: own }];
  const foreign = Array.from(element.querySelectorAll('[lang]')).filter((child) => {
    const lang = child.getAttribute('lang');
    return lang !== screenLanguage && LANGUAGES.some((candidate) => candidate === lang);
  });
  if (foreign.length === 0 || element.hasAttribute('aria-label') || element.hasAttribute('aria-labelledby')) return [{ text: name }];
  const parts: Utterance[] = [];
  const push = (text: string, lang?: Language) => {
    const previous = parts.at(-1);
    if (previous && previous.lang === lang) parts[parts.length - 1] = { ...previous, text: `${previous.text} ${text}` };
    else parts.push(lang ? { text, lang } : { text });
  };
  const walk = (node: Node, lang: Language | undefined) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text) push(text, lang);
      return;
    }
    if (!(node instanceof Element) || node.matches('[hidden], [aria-hidden="true"], .tile-note')) return;
    const marked = LANGUAGES.find((candidate) => candidate === node.getAttribute('lang'));
    node.childNodes.forEach((child) => walk(child, marked && marked !== screenLanguage ? marked : lang));
  };
  element.childNodes.forEach((child) => walk(child, undefined));
  return parts;
}

const languageOf = (element: Element): Language | undefined => {
  const lang = element.closest('[lang]')?.getAttribute('lang');
  return LANGUAGES.find((candidate) => candidate === lang);
};

type Role = 'button' | 'radio' | 'checkbox' | 'textbox' | 'link' | 'meter' | 'heading';

function roleOf(element: Element): Role | undefined {
  const role = element.getAttribute('role');
  if (role === 'radio' || role === 'checkbox' || role === 'link' || role === 'meter' || role === 'button') return role;
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
    // How much is typed is said aloud; what is typed is private.
    const count = value ? `, ${t('keys.count', { count: Array.from(value).length })}` : '';
    parts.push({ text: `${name}, ${t('audio.roles.textbox')}${count}` });
    parts.push(value ? { text: value, private: true } : { text: t('audio.states.empty') });
    return parts;
  }
  const states: string[] = [];
  const checked = element.getAttribute('aria-checked');
  // A checkbox is checked or not (several may be); an option is selected or not (one of a group), as screen readers say.
  if (checked !== null && role === 'checkbox') states.push(checked === 'true' ? t('audio.states.checked') : t('audio.states.notChecked'));
  else if (checked !== null) states.push(checked === 'true' ? t('audio.states.selected') : t('audio.states.notSelected'));
  if (element.getAttribute('aria-pressed') === 'true') states.push(t('audio.states.on'));
  if (element.getAttribute('aria-pressed') === 'false') states.push(t('audio.states.off'));
  if (element.getAttribute('aria-current') === 'true') states.push(t('audio.states.current'));
  if (element.getAttribute('aria-disabled') === 'true' || (element as HTMLButtonElement).disabled)
    states.push(t('audio.states.unavailable'));
  if (role === 'meter') {
    const value = Number(element.getAttribute('aria-valuenow') ?? 0);
    states.push(`${String(Math.round(value * 100))}%`);
  }
  const roleText = role && role !== 'heading' ? t(`audio.roles.${role}`) : '';
  const named = nameParts(element, name, languageOf(document.documentElement));
  const last = named.at(-1);
  // A vote's choice is private: its name is the ballot's (public), whether it is chosen is not.
  const privateState = element.hasAttribute('data-private-state') && states.length > 0;
  const tail = [roleText, ...(privateState ? [] : states)].filter(Boolean).join(', ');
  if (last && last.lang === undefined && tail) named[named.length - 1] = { text: `${last.text}, ${tail}` };
  else if (tail) named.push({ text: tail });
  parts.push(...named);
  if (privateState) parts.push({ text: states.join(', '), private: true, instead: t('audio.states.hidden') });
  // A description given as text (ARIA 1.3's aria-description: a key's place on the keyboard), after the pause too.
  const ownDescription = element.getAttribute('aria-description');
  if (ownDescription) parts.push({ text: ownDescription, afterPause: true });
  const describedBy = element.getAttribute('aria-describedby');
  if (describedBy) {
    const description = describedBy
      .split(/\s+/)
      .map((id) => textOf(document.getElementById(id)))
      .join(' ')
      .trim();
    if (description && description !== name) parts.push({ text: description, afterPause: true });
  }
  return parts.filter((part) => part.text.length > 0);
}
