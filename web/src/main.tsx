import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ApiProvider } from './api/ApiProvider';
import { App } from './App';
import { initI18n } from './i18n';
import { PreferencesProvider, storedLanguage } from './preferences/PreferencesProvider';
import { SessionProvider } from './session/SessionProvider';

initI18n(storedLanguage());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PreferencesProvider>
      <SessionProvider>
        <ApiProvider>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </ApiProvider>
      </SessionProvider>
    </PreferencesProvider>
  </StrictMode>,
);
