/**
 * The longest phrase said as one clip. A clip cannot be skipped into, only cut:
 * a visitor who hears 350 characters at once ("audio on" with the headset
 * question) must listen to all of them or lose the rest. Sentences are kept
 * whole where they fit; only a sentence longer than this is cut at a comma or
 * a space.
 */
export const MAX_UTTERANCE_CHARS = 200;

/** Where a sentence (or, failing that, a clause) ends: after .?!։… or a comma/semicolon, before a space. */
const SENTENCE_END = /(?<=[.!?։…])\s+/u;
const CLAUSE_END = /(?<=[,;:])\s+/u;

function packed(pieces: readonly string[], max: number): string[] {
  const out: string[] = [];
  for (const piece of pieces) {
    const last = out.at(-1);
    if (last !== undefined && last.length + 1 + piece.length <= max) out[out.length - 1] = `${last} ${piece}`;
    else out.push(piece);
  }
  return out;
}

/** One phrase as pieces of at most `max` characters, cut between sentences, else between clauses, else between words. */
export function splitUtterance(text: string, max = MAX_UTTERANCE_CHARS): string[] {
  if (text.length <= max) return [text];
  return packed(text.split(SENTENCE_END), max).flatMap((sentence) => {
    if (sentence.length <= max) return [sentence];
    return packed(sentence.split(CLAUSE_END), max).flatMap((clause) =>
      clause.length <= max ? [clause] : packed(clause.split(/\s+/u), max),
    );
  });
}
