import { pickText, type Language, type LocalizedText } from '../../sync/protocol/languages.js';
import { BigButton } from './BigButton.js';

export interface NotedTile {
  readonly id: string;
  readonly title: string;
  /** A line under the title (an introduction, who took part); spoken as the tile's description. */
  readonly note?: string | undefined;
}

/** A survey's or ballot's tile: its title, and its introduction or description under it, in the visitor's language. */
export const contentTile = (id: string, title: LocalizedText, note: LocalizedText | undefined, language: Language): NotedTile => ({
  id,
  title: pickText(title, language),
  note: note && pickText(note, language),
});

/** Large tiles in two columns, each a title with an optional note: the lists of surveys, ballots and results. */
export function NotedTiles({ tiles, onChoose }: { readonly tiles: readonly NotedTile[]; readonly onChoose: (id: string) => void }) {
  return (
    <div className="tiles tiles-2">
      {tiles.map((tile) => {
        // A result's id is "kind:id": only letters, digits and dashes go into an element id.
        const noteId = `tile-note-${tile.id.replace(/[^a-zA-Z0-9-]/g, '-')}`;
        return (
          <BigButton key={tile.id} className="tile" aria-describedby={tile.note ? noteId : undefined} onClick={() => onChoose(tile.id)}>
            {tile.title}
            {tile.note && (
              <span className="tile-note" id={noteId}>
                {tile.note}
              </span>
            )}
          </BigButton>
        );
      })}
    </div>
  );
}
