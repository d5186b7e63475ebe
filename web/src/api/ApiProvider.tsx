import { useEffect, useMemo, type ReactNode } from 'react';
import { Provider } from 'urql';
import { usePreferences } from '../preferences/PreferencesProvider';
import { useSession } from '../session/SessionProvider';
import { createApiClient } from './client';

/** Provides the urql client for the current session token and language. */
export function ApiProvider({ children }: { children: ReactNode }) {
  const { token, end } = useSession();
  const { language } = usePreferences();
  const api = useMemo(() => createApiClient({ token, language, onSessionEnded: end }), [token, language, end]);
  useEffect(() => () => api.dispose(), [api]);
  return <Provider value={api.client}>{children}</Provider>;
}
