import { useEffect, useState, type PointerEvent } from 'react';
import { BigButton } from '../ui/BigButton.js';
import type { ToolProps } from './TechnicianFrame.js';

const COLUMNS = 5;
const ROWS = 3;
/** The top and bottom rows are whole; the middle row only at the two edges, leaving the middle for the panel. */
const isTarget = (row: number, column: number) => row !== 2 || column === 1 || column === COLUMNS;

/**
 * The touch screen test: targets in the four corners and along all four
 * edges, where a worn or misaligned panel fails first (the instructions sit in
 * the middle, clear of every target). A touched target turns solid and ticked; a touch that
 * lands on no target is drawn as a dot where it landed.
 */
export function TouchTest({ client, texts, technicianId, onBack }: ToolProps) {
  const words = texts.touch;
  const [hit, setHit] = useState<ReadonlySet<string>>(new Set());
  const [misses, setMisses] = useState<readonly { x: number; y: number }[]>([]);
  useEffect(() => void client.invoke('technician.selfTest', { technicianId, test: 'touch' }), [client, technicianId]);
  const onMiss = (event: PointerEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    setMisses((all) => [...all, { x: event.clientX, y: event.clientY }]);
  };
  const cells = Array.from({ length: ROWS * COLUMNS }, (_, index) => ({
    row: Math.floor(index / COLUMNS) + 1,
    column: (index % COLUMNS) + 1,
  })).filter(({ row, column }) => isTarget(row, column));
  return (
    <main className="touch-test" aria-labelledby="technician-title">
      <div className="touch-field" onPointerDown={onMiss} data-misses={misses.length}>
        {cells.map(({ row, column }) => {
          const key = `${String(row)}-${String(column)}`;
          const touched = hit.has(key);
          return (
            <button
              key={key}
              type="button"
              className={`touch-target${touched ? ' touched' : ''}`}
              style={{
                left: `calc(${String(((column - 1) / (COLUMNS - 1)) * 100)}% - ${String(((column - 1) / (COLUMNS - 1)) * 96)}px)`,
                top: `calc(${String(((row - 1) / (ROWS - 1)) * 100)}% - ${String(((row - 1) / (ROWS - 1)) * 96)}px)`,
              }}
              aria-label={words.target(row, column)}
              aria-pressed={touched}
              onPointerDown={() => setHit((all) => new Set([...all, key]))}
            >
              {touched ? '✓' : ''}
            </button>
          );
        })}
        {misses.map((miss, index) => (
          <span key={index} className="touch-miss" style={{ left: miss.x - 8, top: miss.y - 8 }} aria-hidden="true" />
        ))}
        <div className="touch-panel">
          <h1 id="technician-title">{words.title}</h1>
          <p>{words.lead}</p>
          <p role="status" className="touch-result">
            {words.result(hit.size, cells.length, misses.length)}
          </p>
          <div className="button-row">
            <BigButton
              variant="secondary"
              onClick={() => {
                setHit(new Set());
                setMisses([]);
              }}
            >
              {words.again}
            </BigButton>
            <BigButton variant="secondary" onClick={onBack}>
              {texts.back}
            </BigButton>
          </div>
        </div>
      </div>
    </main>
  );
}
