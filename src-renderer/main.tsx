import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans-georgian/400.css';
import '@fontsource/noto-sans-georgian/700.css';
import '@fontsource/noto-sans-armenian/400.css';
import '@fontsource/noto-sans-armenian/700.css';
import './ui/theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createElectronTransport, electronBridge } from './client/electronTransport.js';
import { createHttpTransport } from './client/httpTransport.js';
import { createKioskClient } from './client/kioskClient.js';
import { initI18n, startLoadingFallback } from './i18n/i18n.js';
import { KioskShell } from './shells/kiosk/KioskShell.js';

async function boot(): Promise<void> {
  startLoadingFallback();
  const bridge = electronBridge();
  const client = createKioskClient(bridge ? createElectronTransport(bridge) : createHttpTransport());
  const info = await client.invoke('app.info');
  const i18n = await initI18n(info.defaultLanguage);
  document.documentElement.lang = info.defaultLanguage;
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <KioskShell client={client} info={info} />
      </I18nextProvider>
    </StrictMode>,
  );
}

void boot();
