import { StrictMode, useEffect, type ReactNode } from 'react';
import { ApiProvider } from './api/ApiProvider';
import { App } from './App';
import { PreferencesProvider } from './preferences/PreferencesProvider';
import { SessionProvider } from './session/SessionProvider';

/**
 * Marks the page interactive (data-interactive on #root) once React has committed it: after a
 * hydration its event handlers are attached from then on. The slow-3G test waits for it.
 */
function MarkInteractive() {
  useEffect(() => {
    document.getElementById('root')?.setAttribute('data-interactive', 'true');
  }, []);
  return null;
}

/**
 * The whole app inside its providers and a router: the browser's (main.tsx) and, at build time, the
 * home page's prerender (prerender.tsx). One tree for both, so the prerendered markup is exactly what
 * the browser's first render makes and hydrates.
 */
export function Root({ router: Router }: { router: (props: { children: ReactNode }) => ReactNode }) {
  return (
    <StrictMode>
      <PreferencesProvider>
        <SessionProvider>
          <ApiProvider>
            <Router>
              <App />
            </Router>
          </ApiProvider>
        </SessionProvider>
      </PreferencesProvider>
      <MarkInteractive />
    </StrictMode>
  );
}
