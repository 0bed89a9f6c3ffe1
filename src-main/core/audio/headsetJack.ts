import { execFile } from 'node:child_process';

/** How often the jack is read: a visitor plugging headphones in hears about it within half a second. */
const POLL_MS = 500;

export interface HeadsetState {
  /** Headphones are in the jack: the kiosk's sound reaches only the visitor. */
  readonly plugged: boolean;
}

export interface HeadsetJackOptions {
  /** ALSA's card (`amixer -c <card>`) and its jack control, e.g. 'Headphone Jack' (`amixer -c 0 controls`). */
  readonly card: string;
  readonly control: string;
  readonly onChange: (state: HeadsetState) => void;
  readonly warn?: (message: string) => void;
}

/** amixer's answer to `cget` of a boolean jack control ends with ": values=on" or ": values=off". */
export function parseJackValue(output: string): boolean | undefined {
  const value = /^\s*: values=(on|off)\s*$/m.exec(output)?.[1];
  return value === undefined ? undefined : value === 'on';
}

/**
 * Whether headphones are plugged in, where the sound card reports its jack
 * to ALSA (HDA codecs name the control "Headphone Jack" or "Headphone Mic
 * Jack"): amixer is read twice a second, and a change is told to whoever
 * shows the UI, which makes audio mode follow it. A card without the control
 * is reported once and then left alone: the technician's setting
 * (`audio.headsetIsOutput`) decides, as before (docs/technicians.md).
 */
export function createHeadsetJack({ card, control, onChange, warn = console.warn }: HeadsetJackOptions) {
  let state: boolean | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const read = () =>
    execFile('amixer', ['-c', card, 'cget', `iface=CARD,name=${control}`], { timeout: 2000 }, (error, stdout) => {
      if (stopped) return;
      const plugged = error ? undefined : parseJackValue(stdout);
      if (plugged === undefined) {
        warn(
          `headset: card ${card} reports no "${control}" (${error ? (error.message.split('\n')[0] ?? '') : 'not a boolean control'}); the setting audio.headsetIsOutput decides`,
        );
        return;
      }
      if (plugged !== state) {
        state = plugged;
        onChange({ plugged });
      }
      timer = setTimeout(read, POLL_MS);
    });
  read();
  return {
    /** The jack as last read; undefined before the first reading, or where the card has no jack control. */
    plugged: (): boolean | undefined => state,
    stop(): void {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
