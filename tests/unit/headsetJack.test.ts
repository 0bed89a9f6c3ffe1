import { describe, expect, it } from 'vitest';
import { createHeadsetJack, parseJackValue } from '../../src-main/core/audio/headsetJack.js';

// The headphone jack as ALSA reports it (issue #35). amixer's answers below are an HDA card's, copied from
// `amixer -c 0 cget iface=CARD,name='Headphone Jack'`; the real amixer is asked about a card that does not exist.
const answer = (values: string) =>
  `numid=19,iface=CARD,name='Headphone Jack'\n  ; type=BOOLEAN,access=r-------,values=1\n  : values=${values}\n`;

describe('the headphone jack', () => {
  it("reads amixer's answer: on is plugged, off is not, anything else says nothing", () => {
    expect(parseJackValue(answer('on'))).toBe(true);
    expect(parseJackValue(answer('off'))).toBe(false);
    expect(parseJackValue("numid=3,iface=MIXER,name='Master Playback Volume'\n  : values=87,87\n")).toBeUndefined();
    expect(parseJackValue('')).toBeUndefined();
  });

  it('on a card without the control: warns once, reports nothing, and leaves the setting to decide', async () => {
    const warnings: string[] = [];
    const changes: unknown[] = [];
    const jack = createHeadsetJack({
      card: '99',
      control: 'Headphone Jack',
      onChange: (state) => changes.push(state),
      warn: (m) => warnings.push(m),
    });
    await expect.poll(() => warnings.length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1200)); // past two more polls, had it kept polling
    jack.stop();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^headset: card 99 reports no "Headphone Jack" \(.+\); the setting audio\.headsetIsOutput decides$/);
    expect(changes).toEqual([]);
    expect(jack.plugged()).toBeUndefined();
  });
});
