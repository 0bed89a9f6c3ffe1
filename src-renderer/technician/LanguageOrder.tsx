import { LANGUAGES, type Language } from '../../sync/protocol/languages.js';
import { LANGUAGE_NAMES } from '../i18n/i18n.js';
import { BigButton } from '../ui/BigButton.js';
import type { TechnicianTexts } from './technicianTexts.js';

interface LanguageOrderProps {
  readonly offered: readonly Language[];
  readonly texts: TechnicianTexts;
  readonly onChange: (offered: Language[]) => void;
}

const moved = <T,>(list: readonly T[], index: number, by: -1 | 1): T[] => {
  const next = [...list];
  const [item] = next.splice(index, 1);
  if (item !== undefined) next.splice(index + by, 0, item);
  return next;
};

/** Which languages the kiosk offers, in which order: the offered ones first, each moved up or down by a button. */
export function LanguageOrder({ offered, texts, onChange }: LanguageOrderProps) {
  const words = texts.settings;
  const shown: Language[] = [...offered, ...LANGUAGES.filter((code) => !offered.includes(code))];
  return (
    <fieldset>
      <legend>{texts.setting.languages}</legend>
      <ol className="setting-list">
        {shown.map((code) => {
          const index = offered.indexOf(code);
          const isOffered = index >= 0;
          const name = LANGUAGE_NAMES[code];
          return (
            <li key={code} lang={code}>
              <span className="setting-name">{name}</span>
              <BigButton
                aria-pressed={isOffered}
                variant={isOffered ? 'primary' : 'secondary'}
                aria-label={`${name}: ${isOffered ? words.offered : words.notOffered}`}
                onClick={() => onChange(isOffered ? offered.filter((other) => other !== code) : [...offered, code])}
              >
                {isOffered ? words.offered : words.notOffered}
              </BigButton>
              <BigButton
                variant="secondary"
                aria-label={`${words.up}: ${name}`}
                unavailable={!isOffered || index === 0}
                onClick={() => onChange(moved(offered, index, -1))}
              >
                ↑
              </BigButton>
              <BigButton
                variant="secondary"
                aria-label={`${words.down}: ${name}`}
                unavailable={!isOffered || index === offered.length - 1}
                onClick={() => onChange(moved(offered, index, 1))}
              >
                ↓
              </BigButton>
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}
