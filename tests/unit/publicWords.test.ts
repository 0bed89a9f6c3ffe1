import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { en } from '../../sync/central/public/words/en.js';
import { PUBLIC_WORDS } from '../../sync/central/public/words/publicWords.js';
import { LANGUAGES } from '../../sync/protocol/languages.js';
import { flatten, placeholdersOf } from '../../scripts/i18n/catalogueFiles.js';

// Issue #33 item 2: the public pages speak five languages from one catalogue each. A key missing in
// any language, a placeholder that differs from English's, or a word written into a page's markup
// instead of the catalogue fails here, naming the key or the file and the text.
const ENGLISH = flatten(en);
const PAGES = join(import.meta.dirname, '..', '..', 'sync', 'central', 'public');

describe('the public catalogues', () => {
  for (const lang of LANGUAGES) {
    it(`${lang} has every English key, no other, each filled, with English's placeholders`, () => {
      const own = flatten(PUBLIC_WORDS[lang]);
      expect(
        [...ENGLISH.keys()].filter((key) => !own.has(key)),
        'missing',
      ).toEqual([]);
      expect(
        [...own.keys()].filter((key) => !ENGLISH.has(key)),
        'unknown',
      ).toEqual([]);
      expect(
        [...own].filter(([, text]) => text.trim() === '').map(([key]) => key),
        'empty',
      ).toEqual([]);
      const differing = [...own].filter(([key, text]) => placeholdersOf(text).join() !== placeholdersOf(ENGLISH.get(key) ?? '').join());
      expect(
        differing.map(([key, text]) => `${key}: ${text}`),
        'placeholders',
      ).toEqual([]);
    });
  }
});

/** The words a page's `html` templates write themselves: their static text between tags, and literal labels in tags. */
function inlineWords(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'html') {
      const template = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template.rawText ?? '']
        : [template.head.rawText ?? '', ...template.templateSpans.map((span) => span.literal.rawText ?? '')];
      // A substitution stands for a value: a private-use mark keeps tags that span one whole.
      const markup = parts.join('\uE000');
      for (const [, label] of markup.matchAll(/(?:aria-label|title|alt|placeholder)="([^"\uE000]*)"/g))
        if (/\p{L}{2}/u.test(label ?? '')) found.push(label ?? '');
      // An attribute-only fragment (html` aria-current="true"`) writes no text.
      if (/^(\s+[a-z][a-z-]*(="[^"\uE000]*")?)*\s*$/.test(markup)) return;
      const text = markup
        // A command line or a file name is the same in every language; so are format names (CSV, JSON).
        .replace(/<(code|pre)[^>]*>[\s\S]*?<\/\1>/g, ' ')
        .replace(/[\w-]+\.(csv|json)\b/g, ' ')
        .replace(/\b[A-Z]{2,5}\b/g, ' ')
        .replace(/<[^>]*>/g, ' ')
        .replace(/&[a-z]+;|&#\d+;/g, ' ')
        .split('\uE000')
        .join(' ');
      for (const word of text.match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? []) found.push(word);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the public pages', () => {
  it('write no word of their own: every word comes from a catalogue', () => {
    const pages = readdirSync(PAGES).filter((name) => /(Page|Pages|Section)\.ts$/.test(name));
    expect(pages.length).toBeGreaterThan(8);
    const inline = pages.flatMap((name) => inlineWords(join(PAGES, name)).map((word) => `${name}: ${word}`));
    expect(inline).toEqual([]);
  });
});
