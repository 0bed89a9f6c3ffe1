import { z } from 'zod';
import { Language, LANGUAGES } from '../sync/protocol/localized.js';
import { PIN_HASH_PATTERN } from './pinHashFormat.js';
import { DEFAULT_SPEECH_RATE } from '../sync/protocol/speech.js';

/**
 * The default key map of ACCESSIBILITY.md item 15. Values are KeyboardEvent.key
 * (or `Numpad*` codes); a technician overrides any action for a different keypad.
 */
export const DEFAULT_KEY_MAP = {
  next: ['ArrowDown', 'ArrowRight', 'Numpad2', 'Numpad6'],
  previous: ['ArrowUp', 'ArrowLeft', 'Numpad8', 'Numpad4'],
  select: ['Enter', 'NumpadEnter'],
  back: ['Backspace', 'Escape'],
  help: ['F1', '?', 'NumpadMultiply'],
  volumeUp: ['+', 'NumpadAdd'],
  volumeDown: ['-', 'NumpadSubtract'],
  rateUp: ['PageUp'],
  rateDown: ['PageDown'],
  repeat: ['Numpad5', 'r'],
  stopSpeech: ['NumpadDivide', 's'],
} as const;

const keyList = z.array(z.string().min(1)).min(1);
const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash or underscore');

export const KioskConfig = z
  .object({
    kioskId: id,
    branchId: id,
    desk: z.object({ id, services: z.array(id).min(1) }),
    languages: z
      .array(Language)
      .min(1)
      .default([...LANGUAGES]),
    defaultLanguage: Language.default('ka'),
    /** Seconds without a touch or key before the idle warning shows. */
    idleTimeoutSec: z.number().int().min(10).max(3600).default(90),
    /** Seconds the warning counts down before the session resets (WCAG 2.2.1 asks at least 20). */
    idleWarningSec: z.number().int().min(20).max(300).default(30),
    central: z.object({
      url: z.url({ protocol: /^https?$/ }),
      /** Central's address as citizens reach it (the QR code on a tracking code links there); defaults to url. */
      publicUrl: z.url({ protocol: /^https?$/ }).optional(),
      enrolmentToken: z.string().min(16).optional(),
      /** Milliseconds between sync rounds while everything is healthy. */
      syncIntervalMs: z.number().int().min(100).max(3_600_000).default(15_000),
      /** First retry delay after a failure; doubles up to the cap, with full jitter. */
      backoffBaseMs: z.number().int().min(50).default(2_000),
      backoffCapMs: z.number().int().min(100).default(900_000),
      /** While Central is unreachable, how often to probe its health (to retry the moment it is back). */
      healthProbeMs: z.number().int().min(100).default(10_000),
    }),
    /**
     * A content pack file (JSON, as Central publishes it) the kiosk starts with
     * before it first reaches Central: services, rating texts, surveys. Needed
     * only while its database holds no pack; relative to the config file.
     */
    starterContent: z.string().min(1).optional(),
    /** Where the kiosk keeps its database and recordings; relative paths are from the config file's folder. */
    dataDir: z.string().min(1).default('var/kiosk'),
    audio: z
      .object({
        inputDevice: z.string().min(1).default('default'),
        outputDevice: z.string().min(1).default('default'),
        /** True when the kiosk's sound goes to a headset only: private content may then be spoken without asking. */
        headsetIsOutput: z.boolean().default(false),
        /**
         * Where the sound card reports its headphone jack to ALSA: audio mode follows the jack (plugged in, private
         * content is read in the headphones; out, the setting above decides). Absent: no card reports one.
         */
        headsetJack: z.object({ card: z.string().min(1).default('0'), control: z.string().min(1).default('Headphone Jack') }).optional(),
        /** Longest voice message, announced to the visitor before recording. */
        recordLimitSec: z.number().int().min(10).max(600).default(120),
      })
      .prefault({}),
    speech: z
      .object({
        /** Default speech rate in words per minute; the visitor changes it with PageUp/PageDown. */
        rate: z.number().int().min(80).max(450).default(DEFAULT_SPEECH_RATE),
        /** Default volume, 0..1; the visitor changes it with + and -. */
        volume: z.number().min(0.1).max(1).default(0.8),
        /** Disk cap for synthesised phrases, in MiB. */
        cacheMaxMb: z.number().int().min(1).max(4096).default(64),
        /**
         * Tests only: a file that gets one JSON line per utterance. Refused when
         * NODE_ENV is production, because it would record what visitors typed.
         */
        transcriptFile: z.string().min(1).optional(),
      })
      .prefault({}),
    /** Technician mode (issue #17): the PIN only as an scrypt hash, set by `npm run kiosk -- set-technician-pin`. */
    technician: z
      .object({
        pinHash: z.string().regex(PIN_HASH_PATTERN, 'an scrypt hash set by `npm run kiosk -- set-technician-pin`').optional(),
        /** Where USB sticks are mounted (an enrolment token file is read from one; dead letters are exported to one). */
        mediaDirs: z.array(z.string().min(1)).default(['/media', '/run/media']),
      })
      .prefault({}),
    keyMap: z
      .object({
        next: keyList.default([...DEFAULT_KEY_MAP.next]),
        previous: keyList.default([...DEFAULT_KEY_MAP.previous]),
        select: keyList.default([...DEFAULT_KEY_MAP.select]),
        back: keyList.default([...DEFAULT_KEY_MAP.back]),
        help: keyList.default([...DEFAULT_KEY_MAP.help]),
        volumeUp: keyList.default([...DEFAULT_KEY_MAP.volumeUp]),
        volumeDown: keyList.default([...DEFAULT_KEY_MAP.volumeDown]),
        rateUp: keyList.default([...DEFAULT_KEY_MAP.rateUp]),
        rateDown: keyList.default([...DEFAULT_KEY_MAP.rateDown]),
        repeat: keyList.default([...DEFAULT_KEY_MAP.repeat]),
        stopSpeech: keyList.default([...DEFAULT_KEY_MAP.stopSpeech]),
      })
      .prefault({}),
  })
  .refine((c) => c.languages.includes(c.defaultLanguage), {
    message: 'defaultLanguage must be one of languages',
    path: ['defaultLanguage'],
  });

export type KioskConfig = z.infer<typeof KioskConfig>;
export type KioskConfigInput = z.input<typeof KioskConfig>;
export type KeyAction = keyof KioskConfig['keyMap'];
