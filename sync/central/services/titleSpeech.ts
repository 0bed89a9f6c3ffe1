import { splitAside } from '../../protocol/spokenTitle.js';
import type { Authored } from './contentAuthoring.js';

/**
 * Issue #35's goal: a blind visitor at a kiosk hears at most this many
 * seconds of a screen's title before the first choice. The kiosk's own words
 * keep to it; an editor's question is measured here and warned about.
 */
export const TITLE_SPEECH_GOAL_S = 3;

/** Where a text opens a kiosk screen: the item's title, or one of a survey's questions (numbered from 1). */
export type TitlePlace = { readonly part: 'title' } | { readonly part: 'question'; readonly number: number; readonly id: string };

/** A Georgian text the kiosk says as a screen's title, before the visitor can choose. */
export interface HeardTitle {
  readonly place: TitlePlace;
  readonly text: string;
}

export interface LongTitle extends HeardTitle {
  readonly seconds: number;
}

/**
 * The texts of a survey or ballot that open a kiosk screen: each of a survey's
 * questions; a ballot's title, over its choices; and either's title over its
 * published result.
 */
export function titlesHeardFirst(authored: Authored): HeardTitle[] {
  const title: HeardTitle = { place: { part: 'title' }, text: authored.item.title.ka };
  if (authored.kind === 'ballot') return [title];
  return [
    title,
    ...authored.item.questions.map((question, index) => ({
      place: { part: 'question' as const, number: index + 1, id: question.id },
      text: question.text.ka,
    })),
  ];
}

/**
 * The titles that take longer than the goal to say in Georgian, as the kiosk
 * says them (a closing remark in brackets waits until after the first choice,
 * so it is not counted), with the seconds each takes.
 */
export async function titlesTooLongToHear(authored: Authored, secondsToSay: (text: string) => Promise<number>): Promise<LongTitle[]> {
  const long: LongTitle[] = [];
  for (const heard of titlesHeardFirst(authored)) {
    const seconds = await secondsToSay(splitAside(heard.text).said);
    if (seconds > TITLE_SPEECH_GOAL_S) long.push({ ...heard, seconds });
  }
  return long;
}
