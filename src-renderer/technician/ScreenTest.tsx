import { useEffect } from 'react';
import { TechnicianFrame, type ToolProps } from './TechnicianFrame.js';

const BARS = ['#ffffff', '#ffff00', '#00ffff', '#00ff00', '#ff00ff', '#ff0000', '#0000ff', '#000000'];
const GREYS = Array.from({ length: 11 }, (_, step) => Math.round((step / 10) * 255));

/** The screen test: colour bars, an 11-step grey scale (dead pixels, banding, crushed blacks), and small text on white and black. */
export function ScreenTest({ client, texts, technicianId, onBack }: ToolProps) {
  const words = texts.screen;
  useEffect(() => void client.invoke('technician.selfTest', { technicianId, test: 'screen' }), [client, technicianId]);
  return (
    <TechnicianFrame title={words.title} lead={words.lead} texts={texts} onBack={onBack} className="screen-test">
      <h2>{words.bars}</h2>
      <div className="colour-bars" role="img" aria-label={words.bars}>
        {BARS.map((colour) => (
          <span key={colour} style={{ background: colour }} />
        ))}
      </div>
      <h2>{words.greys}</h2>
      <div className="grey-scale" role="img" aria-label={words.greys}>
        {GREYS.map((value) => (
          <span key={value} style={{ background: `rgb(${String(value)} ${String(value)} ${String(value)})` }} />
        ))}
      </div>
      <h2>{words.contrast}</h2>
      <div className="contrast-samples">
        <p className="on-white">{words.sample}</p>
        <p className="on-black">{words.sample}</p>
      </div>
    </TechnicianFrame>
  );
}
