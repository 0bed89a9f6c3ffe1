import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A stand-in for ALSA's `amixer` where it reads a headphone jack. No test
 * machine has a sound card with a jack (the ALSA `file` device that plays our
 * microphone's tone has no controls), so this script answers `cget` as an HDA
 * card does, from a file the test writes. Everything past it is the
 * product's own: the core's polling and parsing, the event to the page, and
 * audio mode following it.
 */
export function fakeHeadsetJack(dir: string): { readonly env: NodeJS.ProcessEnv; plug(plugged: boolean): void } {
  const bin = join(dir, 'fake-amixer');
  const state = join(dir, 'headphone-jack');
  mkdirSync(bin, { recursive: true });
  writeFileSync(state, 'off');
  writeFileSync(
    join(bin, 'amixer'),
    `#!/bin/sh
# amixer -c <card> cget iface=CARD,name=<control>, answered as an HDA card with a headphone jack does.
printf "numid=19,iface=CARD,name='Headphone Jack'\\n  ; type=BOOLEAN,access=r-------,values=1\\n  : values=%s\\n" "$(cat '${state}')"
`,
  );
  chmodSync(join(bin, 'amixer'), 0o755);
  return {
    env: { PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}` },
    plug: (plugged) => writeFileSync(state, plugged ? 'on' : 'off'),
  };
}
