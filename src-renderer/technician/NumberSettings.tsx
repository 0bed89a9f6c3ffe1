import type { KioskSettings } from '../../src-main/api/contract.js';
import { Stepper } from './Stepper.js';
import type { TechnicianTexts } from './technicianTexts.js';

type NumberSetting = 'idleTimeoutSec' | 'idleWarningSec' | 'speechRate' | 'speechVolume' | 'recordLimitSec';

/** The settings set by touch, each within the config schema's range (the core checks it again on save). */
const STEPPERS: ReadonlyArray<{
  readonly name: NumberSetting;
  readonly id: string;
  readonly step: number;
  readonly min: number;
  readonly max: number;
  /** Shown times this: the volume is 0.1..1 in the config and a percentage on screen. */
  readonly scale?: number;
}> = [
  { name: 'idleTimeoutSec', id: 'idle-timeout', step: 10, min: 10, max: 3600 },
  { name: 'idleWarningSec', id: 'idle-warning', step: 5, min: 20, max: 300 },
  { name: 'speechRate', id: 'speech-rate', step: 10, min: 80, max: 450 },
  { name: 'speechVolume', id: 'speech-volume', step: 10, min: 10, max: 100, scale: 100 },
  { name: 'recordLimitSec', id: 'record-limit', step: 10, min: 10, max: 600 },
];

interface NumberSettingsProps {
  readonly draft: KioskSettings;
  readonly texts: TechnicianTexts;
  readonly onChange: (name: NumberSetting, value: number) => void;
}

/** Times, voice and the recording limit: a stepper each. */
export function NumberSettings({ draft, texts, onChange }: NumberSettingsProps) {
  const words = texts.settings;
  return (
    <fieldset>
      <legend>{words.numbers}</legend>
      {STEPPERS.map(({ name, id, step, min, max, scale = 1 }) => (
        <Stepper
          key={name}
          id={id}
          label={texts.setting[name]}
          value={Math.round(draft[name] * scale)}
          step={step}
          min={min}
          max={max}
          lessLabel={words.less}
          moreLabel={words.more}
          onChange={(value) => onChange(name, value / scale)}
        />
      ))}
    </fieldset>
  );
}
