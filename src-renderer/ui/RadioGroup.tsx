import type { ReactNode } from 'react';

export interface RadioOption {
  readonly key: string | number;
  readonly checked: boolean;
  readonly onChoose: () => void;
  readonly content: ReactNode;
}

interface RadioGroupProps {
  /** The group's layout: `choice-list`, a scale, the smileys. */
  readonly className: string;
  readonly buttonClass: string;
  readonly options: readonly RadioOption[];
}

/** One of several, as large buttons in a radio group named by the screen's title (a service, an answer, a score). */
export function RadioGroup({ className, buttonClass, options }: RadioGroupProps) {
  return (
    <div className={className} role="radiogroup" aria-labelledby="screen-title">
      {options.map((option) => (
        <button type="button" role="radio" key={option.key} className={buttonClass} aria-checked={option.checked} onClick={option.onChoose}>
          {option.content}
        </button>
      ))}
    </div>
  );
}
