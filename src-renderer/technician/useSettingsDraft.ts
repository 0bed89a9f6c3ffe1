import { useEffect, useState } from 'react';
import type { AudioInput, KioskSettings, SettingName, SettingsView } from '../../src-main/api/contract.js';
import { audioOutputs } from '../audio/outputDevice.js';
import { KioskCallError } from '../client/kioskClient.js';
import type { ToolProps } from './TechnicianFrame.js';

export interface SettingsDraft {
  /** What the core holds; undefined until it answered. */
  readonly view: SettingsView | undefined;
  readonly draft: KioskSettings | undefined;
  readonly inputs: readonly AudioInput[];
  readonly outputs: readonly string[];
  /** The answer to the last save: how many settings changed, or the one refused and why. */
  readonly message: { readonly text: string; readonly refused: boolean } | undefined;
  readonly set: <K extends SettingName>(name: K, value: KioskSettings[K]) => void;
  readonly save: () => Promise<void>;
}

/** The settings as the core holds them, the technician's changes to them, and saving only what changed. */
export function useSettingsDraft({ client, texts, technicianId, onInfo }: Omit<ToolProps, 'onBack'>): SettingsDraft {
  const words = texts.settings;
  const [view, setView] = useState<SettingsView | undefined>();
  const [draft, setDraft] = useState<KioskSettings | undefined>();
  const [inputs, setInputs] = useState<readonly AudioInput[]>([]);
  const [outputs, setOutputs] = useState<readonly string[]>([]);
  const [message, setMessage] = useState<SettingsDraft['message']>();
  useEffect(() => {
    void client.invoke('technician.settings', { technicianId }).then((loaded) => {
      setView(loaded);
      setDraft(loaded.settings);
    });
    void client.invoke('technician.audioInputs', { technicianId }).then(setInputs);
    void audioOutputs().then(setOutputs);
  }, [client, technicianId]);

  const set = <K extends SettingName>(name: K, value: KioskSettings[K]) => setDraft((current) => current && { ...current, [name]: value });
  const save = async () => {
    if (!view || !draft) return;
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
      // The core names the refused setting (`change.<name>`): said with its name and range, in the technician's language.
      const field = error instanceof KioskCallError ? (error.field?.replace(/^change\./, '') as SettingName | undefined) : undefined;
      setMessage({
        text: field && field in texts.setting ? words.refused(texts.setting[field], texts.ranges[field]) : String(error),
        refused: true,
      });
    }
  };
  return { view, draft, inputs, outputs, message, set, save };
}
