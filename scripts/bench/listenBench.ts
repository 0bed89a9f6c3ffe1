import { makeTempDir } from '../../tests/support/tempDir.js';
import { startCentralProcess } from './centralProcess.js';
import { round, type BenchResult } from './stats.js';

/** The Georgian rating question of the demo desk's phone page: the question and its five faces. */
const RATING_PAGE = '/D/TB01-07/rate?lang=ka';

const sourceOf = (page: string, type: string): string | undefined =>
  new RegExp(`<source src="(/listen/[0-9a-f]{32}\\.\\w+)" type="${type}">`).exec(page)?.[1];

/**
 * web.listen_kb: the bytes a phone loads for the Georgian rating question's
 * Listen player, in Ogg Opus (what Chromium, Firefox and Safari 17 play),
 * with the WAV it falls back to as the baseline, from a compiled Central.
 */
export async function benchListenAudio(): Promise<BenchResult[]> {
  const dir = makeTempDir('bench-listen');
  const central = await startCentralProcess(dir.path, 'bench-listen-token-0123456789', { args: ['--demo-data'] });
  try {
    const page = await (await fetch(`${central.url}${RATING_PAGE}`)).text();
    const [opus, wav] = [sourceOf(page, 'audio/ogg; codecs=opus'), sourceOf(page, 'audio/wav')];
    if (!opus || !wav) throw new Error('the rating page lists no Opus and WAV Listen audio (is opus-tools installed?)');
    const bytes = async (path: string) => (await (await fetch(`${central.url}${path}`)).arrayBuffer()).byteLength;
    const wavKb = (await bytes(wav)) / 1024;
    const opusKb = (await bytes(opus)) / 1024;
    console.log(`Listen audio, Georgian rating question: Opus ${opusKb.toFixed(1)} kB, WAV ${wavKb.toFixed(1)} kB`);
    return [
      {
        name: 'web.listen_kb',
        value: round(opusKb, 1),
        unit: 'kB',
        baseline: round(wavKb, 1),
        ratio: round(opusKb / wavKb, 3),
        limit: 60,
        direction: 'max',
      },
    ];
  } finally {
    await central.stop();
    dir.remove();
  }
}
