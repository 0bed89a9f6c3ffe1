import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { enclosureLabelSvg } from './lib/enclosureLabel.js';

// npm run assets:braille-label: writes the printable tactile label (see assets/README.md, docs/accessibility.md).
const file = join(import.meta.dirname, '..', 'assets', 'enclosure', 'audio-mode-label.svg');
writeFileSync(file, enclosureLabelSvg());
console.log(`wrote ${file}`);
