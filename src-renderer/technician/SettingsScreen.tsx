import { useEffect, useState } from 'react';
import type { AudioInput, KioskSettings, SettingName, SettingsView } from '../../src-main/api/contract.js';
import { LANGUAGES, pickText, type Language } from '../../sync/protocol/languages.js';
import { KioskCallError } from '../client/kioskClient.js';
import { LANGUAGE_NAMES } from '../i18n/i18n.js';
import { BigButton } from '../ui/BigButton.js';
import { KEYBOARD_LAYOUTS } from '../ui/keyboardLayouts.js';
import { TextEntry } from '../ui/TextEntry.js';
import { Stepper } from './Stepper.js';
import { TechnicianFrame, type ToolProps } from './TechnicianFrame.js';
import { audioOutputs } from '../audio/outputDevice.js';

interface SettingsScreenProps extends ToolProps {
  readonly language: string;
}

/** The settings set by touch, each within the config schema's range (the core checks it again on save). */
const STEPPERS: ReadonlyArray<{
  readonly name: 'idleTimeoutSec' | 'idleWarningSec' | 'speechRate' | 'speechVolume' | 'recordLimitSec';
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

const moved = <T,>(list: readonly T[], index: number, by: -1 | 1): T[] => {
  const next = [...list];
  const [item] = next.splice(index, 1);
  if (item !== undefined) next.splice(index + by, 0, item);
  return next;
};

/**
 * The kiosk's settings without editing JSON: what is offered in which order,
 * the desk and its services (from Central's content), times, voice, headset,
 * recording limit, microphone and output. Save sends only what changed; the
 * core checks it with the config schema, writes it atomically and applies it,
 * and a refusal is shown here naming the setting, in the technician's language.
 */
export function SettingsScreen({ client, texts, technicianId, onBack, language, onInfo }: SettingsScreenProps) {
  const words = texts.settings;
  const [view, setView] = useState<SettingsView | undefined>();
  const [draft, setDraft] = useState<KioskSettings | undefined>();
  const [inputs, setInputs] = useState<readonly AudioInput[]>([]);
  const [outputs, setOutputs] = useState<readonly string[]>([]);
  const [message, setMessage] = useState<{ readonly text: string; readonly refused: boolean } | undefined>();
  useEffect(() => {
    void client.invoke('technician.settings', { technicianId }).then((loaded) => {
      setView(loaded);
      setDraft(loaded.settings);
    });
    void client.invoke('technician.audioInputs', { technicianId }).then(setInputs);
    void audioOutputs().then(setOutputs);
  }, [client, technicianId]);
  if (!view || !draft)
    return (
      <TechnicianFrame title={words.title} texts={texts} onBack={onBack}>
        {null}
      </TechnicianFrame>
    );

  const set = <K extends SettingName>(name: K, value: KioskSettings[K]) => setDraft({ ...draft, [name]: value });
  const save = async () => {
    const change = Object.fromEntries(
      (Object.keys(draft) as SettingName[])
        .filter((name) => JSON.stringify(draft[name]) !== JSON.stringify(view.settings[name]))
        .map((name) => [name, draft[name]]),
    ) as Partial<KioskSettings>;
    try {
      const saved = await client.invoke('technician.saveSettings', { technicianId, change });
      setView({ ...view, settings: draft });
      onInfo(saved.info);
      setMessage({ text: words.saved(saved.changed.length), refused: false });
    } catch (error) {
      const field = error instanceof KioskCallError ? (error.field?.replace(/^change\./, '') as SettingName | undefined) : undefined;
      setMessage({
        text: field && field in texts.setting ? words.refused(texts.setting[field], texts.ranges[field]) : String(error),
        refused: true,
      });
    }
  };
  const pressed = (on: boolean) => ({ 'aria-pressed': on, variant: on ? ('primary' as const) : ('secondary' as const) });
  const languageName = (code: Language) => LANGUAGE_NAMES[code];
  const shownLanguages: Language[] = [...draft.languages, ...LANGUAGES.filter((code) => !draft.languages.includes(code))];

  return (
    <TechnicianFrame title={words.title} texts={texts} onBack={onBack} className="settings-screen">
      <fieldset>
        <legend>{texts.setting.languages}</legend>
        <ol className="setting-list">
          {shownLanguages.map((code) => {
            const index = draft.languages.indexOf(code);
            const offered = index >= 0;
            return (
              <li key={code} lang={code}>
                <span className="setting-name">{languageName(code)}</span>
                <BigButton
                  {...pressed(offered)}
                  aria-label={`${languageName(code)}: ${offered ? words.offered : words.notOffered}`}
                  onClick={() => set('languages', offered ? draft.languages.filter((other) => other !== code) : [...draft.languages, code])}
                >
                  {offered ? words.offered : words.notOffered}
                </BigButton>
                <BigButton
                  variant="secondary"
                  aria-label={`${words.up}: ${languageName(code)}`}
                  unavailable={!offered || index === 0}
                  onClick={() => set('languages', moved(draft.languages, index, -1))}
                >
                  ↑
                </BigButton>
                <BigButton
                  variant="secondary"
                  aria-label={`${words.down}: ${languageName(code)}`}
                  unavailable={!offered || index === draft.languages.length - 1}
                  onClick={() => set('languages', moved(draft.languages, index, 1))}
                >
                  ↓
                </BigButton>
              </li>
            );
          })}
        </ol>
      </fieldset>
      <fieldset>
        <legend>{texts.setting.defaultLanguage}</legend>
        <div className="button-row">
          {draft.languages.map((code) => (
            <BigButton key={code} lang={code} {...pressed(draft.defaultLanguage === code)} onClick={() => set('defaultLanguage', code)}>
              {languageName(code)}
            </BigButton>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{texts.setting.services}</legend>
        <div className="button-row">
          {view.services.map((service) => (
            <BigButton
              key={service.id}
              {...pressed(draft.services.includes(service.id))}
              onClick={() =>
                set(
                  'services',
                  draft.services.includes(service.id) ? draft.services.filter((id) => id !== service.id) : [...draft.services, service.id],
                )
              }
            >
              {pickText(service.name, language === 'ka' ? 'ka' : 'en')}
            </BigButton>
          ))}
        </div>
      </fieldset>
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
            onChange={(value) => set(name, value / scale)}
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>{texts.setting.headsetIsOutput}</legend>
        <div className="button-row">
          <BigButton {...pressed(draft.headsetIsOutput)} onClick={() => set('headsetIsOutput', true)}>
            {words.on}
          </BigButton>
          <BigButton {...pressed(!draft.headsetIsOutput)} onClick={() => set('headsetIsOutput', false)}>
            {words.off}
          </BigButton>
        </div>
      </fieldset>
      <fieldset>
        <legend>{texts.setting.inputDevice}</legend>
        <div className="button-row">
          {inputs.length === 0 && <p>{words.noDevices}</p>}
          {[...new Set([draft.inputDevice, ...inputs.map((input) => input.name)])].map((name) => (
            <BigButton key={name} {...pressed(draft.inputDevice === name)} onClick={() => set('inputDevice', name)}>
              {name}
              {inputs.find((input) => input.name === name)?.description
                ? ` — ${inputs.find((input) => input.name === name)?.description ?? ''}`
                : ''}
            </BigButton>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{texts.setting.outputDevice}</legend>
        <div className="button-row">
          {[...new Set(['default', draft.outputDevice, ...outputs])].map((name) => (
            <BigButton key={name} {...pressed(draft.outputDevice === name)} onClick={() => set('outputDevice', name)}>
              {name === 'default' ? texts.speaker.defaultOutput : name}
            </BigButton>
          ))}
        </div>
      </fieldset>
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
