/** A move inside a grid of keys: across a row, or to the row above or below. */
export type GridMove = 'left' | 'right' | 'up' | 'down';

/** The arrows, and the numeric keypad's 4, 6, 8 and 2 (a kiosk's tactile keypad). */
const MOVES: Readonly<Record<string, GridMove>> = {
  ArrowLeft: 'left',
  Numpad4: 'left',
  ArrowRight: 'right',
  Numpad6: 'right',
  ArrowUp: 'up',
  Numpad8: 'up',
  ArrowDown: 'down',
  Numpad2: 'down',
};

export const gridMoveOf = (event: { readonly key: string; readonly code: string }): GridMove | undefined =>
  MOVES[event.code] ?? MOVES[event.key];

export type GridPosition = readonly [row: number, column: number];

/**
 * Where a move lands on rows of these lengths: left and right wrap within the
 * row; up and down keep the column as far as the next row reaches; past the
 * first or last row the move leaves the grid ('before' or 'after').
 */
export function moveInGrid(lengths: readonly number[], [row, column]: GridPosition, move: GridMove): GridPosition | 'before' | 'after' {
  const length = lengths[row] ?? 1;
  if (move === 'left') return [row, (column - 1 + length) % length];
  if (move === 'right') return [row, (column + 1) % length];
  const next = row + (move === 'down' ? 1 : -1);
  if (next < 0) return 'before';
  if (next >= lengths.length) return 'after';
  return [next, Math.min(column, (lengths[next] ?? 1) - 1)];
}

/** A position kept within rows of these lengths (the layout changed: shift, or another language). */
export const clampToGrid = (lengths: readonly number[], [row, column]: GridPosition): GridPosition => {
  const r = Math.min(row, lengths.length - 1);
  return [Math.max(0, r), Math.max(0, Math.min(column, (lengths[r] ?? 1) - 1))];
};
