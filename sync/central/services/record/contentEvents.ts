import { canonicalJson } from '../../../protocol/canonicalJson.js';
import type { ContentPack } from '../../../protocol/contentPack.js';
/** An event of the record with its detail as an object (what appendLedger takes). */
interface ContentEvent {
  readonly kind: string;
  readonly subject: string;
  readonly detail: Record<string, unknown>;
}

type Item = ContentPack['surveys'][number] | ContentPack['ballots'][number];

/** A survey's or ballot's public facts in its entries: what it is called and when it is open. */
const facts = (item: Item, contentVersion: number) => ({
  contentVersion,
  title: item.title,
  opensAt: item.opensAt,
  closesAt: item.closesAt,
});

function itemEvents(kind: 'survey' | 'ballot', before: readonly Item[], after: readonly Item[], version: number): ContentEvent[] {
  const previous = new Map(before.map((item) => [item.id, canonicalJson(item)]));
  const events: ContentEvent[] = [];
  for (const item of after) {
    const was = previous.get(item.id);
    if (was === undefined) events.push({ kind: `${kind}.published`, subject: item.id, detail: facts(item, version) });
    else if (was !== canonicalJson(item)) events.push({ kind: `${kind}.changed`, subject: item.id, detail: facts(item, version) });
  }
  const kept = new Set(after.map((item) => item.id));
  for (const item of before)
    if (!kept.has(item.id)) events.push({ kind: `${kind}.withdrawn`, subject: item.id, detail: { contentVersion: version } });
  return events;
}

/**
 * What a new content pack changes in the processes the public follows, as
 * record entries: each survey and ballot published, changed or withdrawn, and
 * each result published (or published again with a new tally). Computed from
 * the packs themselves, so no path that publishes a pack can forget them.
 */
export function contentEvents(before: ContentPack | undefined, after: ContentPack): ContentEvent[] {
  const results = new Map((before?.results ?? []).map((result) => [`${result.kind}:${result.id}`, canonicalJson(result)]));
  return [
    ...itemEvents('survey', before?.surveys ?? [], after.surveys, after.version),
    ...itemEvents('ballot', before?.ballots ?? [], after.ballots, after.version),
    ...after.results
      .filter((result) => results.get(`${result.kind}:${result.id}`) !== canonicalJson(result))
      .map((result) => ({
        kind: 'results.published',
        subject: `${result.kind}:${result.id}`,
        detail: { contentVersion: after.version, publishedAt: result.publishedAt },
      })),
  ];
}
