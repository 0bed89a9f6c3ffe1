// `npm run demo:content`: writes the demo content pack (kiosk-config/demo/demoContentPack.ts, the source)
// as the JSON file the demo kiosk starts with and the demo Central publishes (kiosk-config/demo/demoContent.json).
// tests/unit/demoContent.test.ts fails when the two differ, naming this command.
import { writeFileSync } from 'node:fs';
import { demoContentPack } from '../kiosk-config/demo/demoContentPack.js';
import { DEMO_CONTENT_FILE } from '../kiosk-config/demo/demoContentFile.js';

writeFileSync(DEMO_CONTENT_FILE, `${JSON.stringify(demoContentPack, null, 2)}\n`);
console.log(`wrote ${DEMO_CONTENT_FILE}`);
