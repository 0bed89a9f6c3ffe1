import type { ReactNode } from 'react';
import { BigButton } from '../ui/BigButton.js';

export interface Choice<T> {
  readonly value: T;
  readonly label: ReactNode;
  readonly lang?: string | undefined;
}

interface ChoiceFieldsetProps<T> {
  readonly legend: string;
  readonly choices: readonly Choice<T>[];
  readonly isChosen: (value: T) => boolean;
  readonly onChoose: (value: T) => void;
  /** Shown before the choices when the caller says so (no microphone found: only the configured name is left). */
  readonly empty?: string | undefined;
}

/** A setting's buttons in a row, the chosen ones pressed: one of several, or several of several (the caller decides). */
export function ChoiceFieldset<T extends string>({ legend, choices, isChosen, onChoose, empty }: ChoiceFieldsetProps<T>) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="button-row">
        {empty && <p>{empty}</p>}
        {choices.map(({ value, label, lang }) => (
          <BigButton
            key={value}
            lang={lang}
            aria-pressed={isChosen(value)}
            variant={isChosen(value) ? 'primary' : 'secondary'}
            onClick={() => onChoose(value)}
          >
            {label}
          </BigButton>
        ))}
      </div>
    </fieldset>
  );
}
