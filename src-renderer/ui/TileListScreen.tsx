import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { NotedTiles, type NotedTile } from './NotedTiles.js';
import { ScreenFrame } from './ScreenFrame.js';

/** A list screen's words, as message keys: its title, its hint, and what it says when nothing is in it. */
export interface TileListWords {
  readonly title: ParseKeys;
  readonly hint: ParseKeys;
  readonly none: ParseKeys;
}

interface TileListScreenProps {
  readonly words: TileListWords;
  readonly tiles: readonly NotedTile[];
  readonly onChoose: (id: string) => void;
}

/**
 * The lists of surveys, ballots and results: one large tile each or, when
 * there is none, a line saying so, shown and spoken (a blind visitor hears
 * why there is nothing to choose).
 */
export function TileListScreen({ words, tiles, onChoose }: TileListScreenProps) {
  const { t } = useTranslation();
  const none = t(words.none);
  return (
    <ScreenFrame
      title={t(words.title)}
      choices={tiles.length}
      hint={t(words.hint)}
      details={tiles.length === 0 ? [{ text: none }] : undefined}
    >
      {tiles.length === 0 && <p className="lead">{none}</p>}
      <NotedTiles tiles={tiles} onChoose={onChoose} />
    </ScreenFrame>
  );
}
