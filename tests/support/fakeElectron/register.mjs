// Test-only: Electron's binary cannot be downloaded on these machines, so the
// built main.js runs in plain Node with 'electron' resolved to fakeElectron.mjs.
// Everything else main.js touches (config, kiosk core, SQLite, dispatcher,
// renderer files) is real.
import { register } from 'node:module';

register('./resolveElectron.mjs', import.meta.url);
