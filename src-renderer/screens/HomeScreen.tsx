import { useTranslation } from 'react-i18next';
import { BigButton } from '../ui/BigButton.js';
import { ScreenFrame } from '../ui/ScreenFrame.js';

export interface HomeTile {
  /** The tile's label, as a locale key. */
  readonly label: string;
  readonly onClick: () => void;
}

/** Home: large tiles, one per flow, in the registry's order (a blind visitor learns the positions). */
export function HomeScreen({ tiles }: { readonly tiles: readonly HomeTile[] }) {
  const { t } = useTranslation();
  return (
    <ScreenFrame title={t('home.title')} choices={tiles.length} hint={t('hints.home')}>
      <div className="tiles">
        {tiles.map((tile) => (
          <BigButton key={tile.label} className="tile" onClick={tile.onClick}>
            {/* A flow's key may come from its own texts (KioskFlow.texts), which the typed key list cannot know. */}
            {t(tile.label as never)}
          </BigButton>
        ))}
      </div>
    </ScreenFrame>
  );
}
