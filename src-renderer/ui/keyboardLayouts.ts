import armenianEastern from 'simple-keyboard-layouts/build/layouts/armenianEastern';
import english from 'simple-keyboard-layouts/build/layouts/english';
import georgian from 'simple-keyboard-layouts/build/layouts/georgian';
import russian from 'simple-keyboard-layouts/build/layouts/russian';
import type { Language } from '../../sync/protocol/languages.js';

/** Rows of key tokens; `{bksp}`, `{shift}`, `{space}` are the special keys. */
export interface KeyboardLayout {
  readonly default: readonly string[][];
  readonly shift: readonly string[][];
  /** A code's characters: its letters are named as a code is spelled (Georgian letter names on a Georgian screen). */
  readonly spelled?: boolean;
}

// Keys a comment box on a kiosk does not need (no tab order games, no caps lock, no newlines).
const DROPPED = new Set(['{tab}', '{lock}', '{enter}', '.com']);

const fromLibrary = (layout: { layout: Record<string, string[]> }): KeyboardLayout => {
  const rows = (name: string) =>
    (layout.layout[name] ?? []).map((row) => row.split(' ').filter((key) => !DROPPED.has(key))).filter((row) => row.length > 0);
  return { default: rows('default'), shift: rows('shift') };
};

/** Azerbaijani Latin (ə, ğ, ı, ö, ü, ş, ç) is not in the layout library; this is the national layout's letters. */
const azerbaijani: KeyboardLayout = {
  default: [
    ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '-', '{bksp}'],
    ['q', 'ü', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p', 'ö', 'ğ'],
    ['a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'ı', 'ə'],
    ['{shift}', 'z', 'x', 'c', 'v', 'b', 'n', 'm', 'ç', 'ş', '.', ',', '{shift}'],
    ['@', '{space}'],
  ],
  shift: [
    ['!', '"', '№', ';', '%', ':', '?', '*', '(', ')', '_', '{bksp}'],
    ['Q', 'Ü', 'E', 'R', 'T', 'Y', 'U', 'İ', 'O', 'P', 'Ö', 'Ğ'],
    ['A', 'S', 'D', 'F', 'G', 'H', 'J', 'K', 'L', 'I', 'Ə'],
    ['{shift}', 'Z', 'X', 'C', 'V', 'B', 'N', 'M', 'Ç', 'Ş', '?', '!', '{shift}'],
    ['@', '{space}'],
  ],
};

export const KEYBOARD_LAYOUTS: Record<Language, KeyboardLayout> = {
  ka: fromLibrary(georgian),
  en: fromLibrary(english),
  ru: fromLibrary(russian),
  az: azerbaijani,
  hy: fromLibrary(armenianEastern),
};

/** Phone numbers and e-mail addresses: digits first, Latin letters, and the signs addresses use. */
export const CONTACT_LAYOUT: KeyboardLayout = {
  default: [
    ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '{bksp}'],
    ['q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p', '+'],
    ['a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', '@'],
    ['z', 'x', 'c', 'v', 'b', 'n', 'm', '.', '-', '_'],
  ],
  shift: [],
};

/** Tracking codes: only the 32 characters a code can hold (Crockford base32: no I, L, O, U). */
export const CODE_LAYOUT: KeyboardLayout = {
  default: [
    ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '{bksp}'],
    ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'M'],
    ['N', 'P', 'Q', 'R', 'S', 'T', 'V', 'W', 'X', 'Y', 'Z'],
  ],
  shift: [],
  spelled: true,
};

/** Digits only, as on a phone: a personal number. */
export const DIGITS_LAYOUT: KeyboardLayout = {
  default: [
    ['1', '2', '3'],
    ['4', '5', '6'],
    ['7', '8', '9'],
    ['0', '{bksp}'],
  ],
  shift: [],
};
