import { BigButton } from '../ui/BigButton.js';

interface StepperProps {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  readonly step: number;
  readonly min: number;
  readonly max: number;
  readonly lessLabel: string;
  readonly moreLabel: string;
  readonly onChange: (value: number) => void;
}

/** A number set by touch: less and more as 72 px buttons, the value between them, kept within the schema's range. */
export function Stepper({ id, label, value, step, min, max, lessLabel, moreLabel, onChange }: StepperProps) {
  return (
    <div className="stepper" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="setting-label">
        {label}
      </span>
      <BigButton
        variant="secondary"
        aria-label={`${lessLabel}: ${label}`}
        unavailable={value <= min}
        onClick={() => onChange(Math.max(min, value - step))}
      >
        −
      </BigButton>
      <output id={id} className="stepper-value" aria-live="polite">
        {value}
      </output>
      <BigButton
        variant="secondary"
        aria-label={`${moreLabel}: ${label}`}
        unavailable={value >= max}
        onClick={() => onChange(Math.min(max, value + step))}
      >
        +
      </BigButton>
    </div>
  );
}
