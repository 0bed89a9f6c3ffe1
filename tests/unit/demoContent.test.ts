import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import { DEMO_CONTENT_FILE } from '../../kiosk-config/demo/demoContentFile.js';
import { loadContentPackFile } from '../../sync/node/contentPackFile.js';
import { FileFieldError } from '../../sync/node/fileFieldError.js';
import { KioskConfig } from '../../kiosk-config/schema.js';
import { createKioskCore } from '../../src-main/core/kioskCore.js';
import { makeTempDir } from '../support/tempDir.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoBallot } from '../../kiosk-config/demo/demoBallot.js';
import { demoSurvey } from '../../kiosk-config/demo/demoSurvey.js';
import { demoClosedBallot } from '../../sync/central/demo/demoResults.js';
import { titlesTooLongToHear } from '../../sync/central/services/titleSpeech.js';
import { spokenSeconds } from '../../sync/node/speech/spokenSeconds.js';
import { createSynthesizer } from '../../sync/node/speech/synthesizer.js';

// Demo content lives in kiosk-config/demo only; the production core and Central read a content file named by
// their configuration. The demo's file is written from the TypeScript source and must not drift from it.
describe('demo content as a starter file', () => {
  it('kiosk-config/demo/demoContent.json is the demo pack (else run `npm run demo:content`)', () => {
    expect(JSON.parse(readFileSync(DEMO_CONTENT_FILE, 'utf8'))).toEqual(JSON.parse(JSON.stringify(demoContentPack)));
  });

  it('a kiosk with no content and no starter file refuses to start, saying which setting to give', async () => {
    const dir = makeTempDir('no-content');
    try {
      const config = KioskConfig.parse({
        kioskId: 'k',
        branchId: 'b',
        desk: { id: 'd', services: ['civil-registry'] },
        central: { url: 'http://127.0.0.1:9' },
        dataDir: dir.path,
      });
      expect(() => createKioskCore(config)).toThrow(/no content yet: set "starterContent"/);
      // Given the file, the same data folder opens (the failed start left nothing locked) and has the demo services.
      const core = createKioskCore({ ...config, starterContent: DEMO_CONTENT_FILE });
      expect(core.content.latest().services.map((service) => service.id)).toContain('civil-registry');
      await core.close();
    } finally {
      dir.remove();
    }
  });

  it('a broken starter file is refused naming the file and the field', () => {
    const dir = makeTempDir('starter');
    try {
      const file = join(dir.path, 'content.json');
      writeFileSync(file, JSON.stringify({ ...demoContentPack, services: [] }));
      expect(() => loadContentPackFile(file)).toThrow(FileFieldError);
      expect(() => loadContentPackFile(file)).toThrow(new RegExp(`${file}.*"services"`));
    } finally {
      dir.remove();
    }
  });

  it('every title of the demo content is said in 3 s or less on a kiosk (the advice the console gives editors, timed with eSpeak NG)', async () => {
    const synthesizer = createSynthesizer();
    try {
      const secondsToSay = (text: string) => spokenSeconds(synthesizer, 'ka', text);
      expect(await titlesTooLongToHear({ kind: 'survey', item: demoSurvey }, secondsToSay)).toEqual([]);
      expect(await titlesTooLongToHear({ kind: 'ballot', item: demoBallot }, secondsToSay)).toEqual([]);
      expect(await titlesTooLongToHear({ kind: 'ballot', item: demoClosedBallot }, secondsToSay)).toEqual([]);
    } finally {
      await synthesizer.close();
    }
  });
});
