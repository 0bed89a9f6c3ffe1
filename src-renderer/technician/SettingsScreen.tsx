import { pickText } from '../../sync/protocol/languages.js';
import { LANGUAGE_NAMES } from '../i18n/i18n.js';
import { BigButton } from '../ui/BigButton.js';
import { KEYBOARD_LAYOUTS } from '../ui/keyboardLayouts.js';
import { TextEntry } from '../ui/TextEntry.js';
import { ChoiceFieldset } from './ChoiceFieldset.js';
import { LanguageOrder } from './LanguageOrder.js';
import { NumberSettings } from './NumberSettings.js';
import { TechnicianFrame, type ToolProps } from './TechnicianFrame.js';
import { useSettingsDraft } from './useSettingsDraft.js';

interface SettingsScreenProps extends ToolProps {
  readonly language: string;
}

/** A choice's extra words after its name (a microphone's description), when it has any. */
const withDescription = (name: string, description: string | undefined) => (description ? `${name} — ${description}` : name);

/**
 * The kiosk's settings without editing JSON: what is offered in which order,
 * the desk and its services (from Central's content), times, voice, headset,
 * recording limit, microphone and output. Save sends only what changed; the
 * core checks it with the config schema, writes it atomically and applies it,
 * and a refusal is shown here naming the setting, in the technician's language.
 */
export function SettingsScreen({ language, ...tool }: SettingsScreenProps) {
  const { texts, onBack } = tool;
  const words = texts.settings;
  const { view, draft, inputs, outputs, message, set, save } = useSettingsDraft(tool);
  if (!view || !draft)
    return (
      <TechnicianFrame title={words.title} texts={texts} onBack={onBack}>
        {null}
      </TechnicianFrame>
    );
  const toggled = <T,>(list: readonly T[], item: T) => (list.includes(item) ? list.filter((other) => other !== item) : [...list, item]);
  const inputNames = [...new Set([draft.inputDevice, ...inputs.map((input) => input.name)])];

  return (
    <TechnicianFrame title={words.title} texts={texts} onBack={onBack} className="settings-screen">
      <LanguageOrder offered={draft.languages} texts={texts} onChange={(languages) => set('languages', languages)} />
      <ChoiceFieldset
        legend={texts.setting.defaultLanguage}
        choices={draft.languages.map((code) => ({ value: code, label: LANGUAGE_NAMES[code], lang: code }))}
        isChosen={(code) => draft.defaultLanguage === code}
        onChoose={(code) => set('defaultLanguage', code)}
      />
      <ChoiceFieldset
        legend={texts.setting.services}
        choices={view.services.map((service) => ({ value: service.id, label: pickText(service.name, language === 'ka' ? 'ka' : 'en') }))}
        isChosen={(id) => draft.services.includes(id)}
        onChoose={(id) => set('services', toggled(draft.services, id))}
      />
      <NumberSettings draft={draft} texts={texts} onChange={set} />
      <ChoiceFieldset
        legend={texts.setting.headsetIsOutput}
        choices={[
          { value: 'on', label: words.on },
          { value: 'off', label: words.off },
        ]}
        isChosen={(value) => draft.headsetIsOutput === (value === 'on')}
        onChoose={(value) => set('headsetIsOutput', value === 'on')}
      />
      <ChoiceFieldset
        legend={texts.setting.inputDevice}
        empty={inputs.length === 0 ? words.noDevices : undefined}
        choices={inputNames.map((name) => ({
          value: name,
          label: withDescription(name, inputs.find((input) => input.name === name)?.description),
        }))}
        isChosen={(name) => draft.inputDevice === name}
        onChoose={(name) => set('inputDevice', name)}
      />
      <ChoiceFieldset
        legend={texts.setting.outputDevice}
        choices={[...new Set(['default', draft.outputDevice, ...outputs])].map((name) => ({
          value: name,
          label: name === 'default' ? texts.speaker.defaultOutput : name,
        }))}
        isChosen={(name) => draft.outputDevice === name}
        onChoose={(name) => set('outputDevice', name)}
      />
      <TextEntry
        id="desk-id"
        label={texts.setting.deskId}
        value={draft.deskId}
        max={64}
        onChange={(value) => set('deskId', value)}
        keyboard={{ language: 'en', layout: KEYBOARD_LAYOUTS.en, label: texts.setting.deskId }}
        fieldClass="text-field token-field"
        fieldLang="en"
        plain
      />
      {/* The answer stays in sight with the button that asked for it. */}
      <div className="sticky-save">
        {message && (
          <p className={message.refused ? 'technician-message' : 'technician-saved'} role={message.refused ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
        <div className="button-row">
          <BigButton onClick={() => void save()}>{words.save}</BigButton>
        </div>
      </div>
    </TechnicianFrame>
  );
}
