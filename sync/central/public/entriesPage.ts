import { TILE_WIDTH, tilePath } from '../../record/tiles.js';
import type { ListedEntry } from '../services/record/processIndex.js';
import { html, type SafeHtml } from '../web/html.js';
import { withLang } from './processPage.js';
import { processPath } from '../services/record/processView.js';
import { processTexts } from './processTexts.js';
import { publicPage } from './publicPage.js';
import { type PublicLanguage } from './publicTexts.js';
import { publicTime } from '../web/tbilisiTime.js';
import { tableRegion } from '../web/tableRegion.js';

export const ENTRIES_PER_PAGE = 100;

export interface EntriesListing {
  /** What was asked for, in words ("kiosk, 2026-12-01, survey:services-2026"). */
  readonly what: string;
  /** The page's own path and query, without `page` and `lang`. */
  readonly path: string;
  readonly entries: readonly ListedEntry[];
  readonly page: number;
  readonly total: number;
  /** The checkpoint the entries are part of: which entry tile holds each. */
  readonly size: number;
  /** The process to go back to, if one was asked for. */
  readonly process?: { readonly kind: string; readonly id: string } | undefined;
}

/** The entry tile an entry is in, as its path under /record/tile (partial while the tile is not full). */
export function entryTilePath(idx: number, size: number): string {
  const index = Math.floor(idx / TILE_WIDTH);
  return `/record/${tilePath({ level: 'entries', index, width: Math.min(TILE_WIDTH, size - index * TILE_WIDTH) })}`;
}

/** Entries of the log as they are hashed: what a figure counted, or one entry a page links to. */
export function entriesPage(lang: PublicLanguage, listing: EntriesListing): SafeHtml {
  const words = processTexts(lang);
  const pages = Math.ceil(listing.total / ENTRIES_PER_PAGE);
  const pageLink = (page: number, label: string) => html`<a href="${withLang(lang, `${listing.path}&page=${String(page)}`)}">${label}</a>`;
  return publicPage({
    lang,
    title: words.entriesOf(listing.what),
    section: 'record',
    path: listing.path,
    body: html`<p>${words.entriesIntro}</p>
${
  listing.entries.length === 0
    ? html`<p>${words.noEntries}</p>`
    : html`${tableRegion(
        words.entriesOf(listing.what),
        html`<table class="entries" data-total="${String(listing.total)}"><thead><tr>${words.entriesColumns.map((column) => html`<th scope="col">${column}</th>`)}</tr></thead>
<tbody>${listing.entries.map(
          (entry) =>
            html`<tr id="e${String(entry.idx)}"><th scope="row" class="num">${String(entry.idx)}</th><td>${publicTime(entry.at, lang)}</td><td><code>${entry.kind}</code></td><td><code class="entry">${entry.text}</code></td><td><a href="${entryTilePath(entry.idx, listing.size)}">${String(Math.floor(entry.idx / TILE_WIDTH))}</a></td></tr>`,
        )}</tbody></table>`,
      )}`
}
${pages > 1 ? html`<p>${listing.page > 0 ? pageLink(listing.page - 1, words.previous) : ''} ${String(listing.page + 1)} / ${String(pages)} ${listing.page + 1 < pages ? pageLink(listing.page + 1, words.nextPage) : ''}</p>` : ''}
${listing.process ? html`<p><a href="${withLang(lang, processPath(listing.process.kind, listing.process.id))}">${words.backTo}</a></p>` : ''}`,
  });
}
