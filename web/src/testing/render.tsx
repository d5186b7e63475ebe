import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { Provider, type Client } from 'urql';
import { fromValue, never } from 'wonka';
import { initI18n, type Language } from '../i18n';
import { PreferencesProvider } from '../preferences/PreferencesProvider';
import { STORAGE_KEYS } from '../preferences/storage';
import { SessionProvider } from '../session/SessionProvider';

export interface MockResponses {
  query?: (operationName: string, variables: unknown) => unknown;
  mutation?: (operationName: string, variables: unknown) => unknown;
  subscription?: (operationName: string) => ReturnType<typeof never>;
}

function operationName(query: { definitions: readonly { kind: string; name?: { value: string } }[] }): string {
  const definition = query.definitions.find((d) => d.kind === 'OperationDefinition');
  return definition?.name?.value ?? '';
}

/** A urql client whose answers come from the test; records the operations it was asked for. */
export function mockClient(responses: MockResponses) {
  const calls: { kind: string; name: string; variables: unknown }[] = [];
  const answer = (kind: 'query' | 'mutation', request: { query: never; variables: unknown }) => {
    const name = operationName(request.query);
    calls.push({ kind, name, variables: request.variables });
    const data = responses[kind]?.(name, request.variables);
    return data === undefined ? never : fromValue({ data, stale: false, hasNext: false });
  };
  const client = {
    executeQuery: (request: { query: never; variables: unknown }) => answer('query', request),
    executeMutation: (request: { query: never; variables: unknown }) => answer('mutation', request),
    executeSubscription: (request: { query: never }) => {
      const name = operationName(request.query);
      calls.push({ kind: 'subscription', name, variables: undefined });
      return responses.subscription?.(name) ?? never;
    },
  } as unknown as Client;
  return { client, calls };
}

export function LocationProbe() {
  const location = useLocation();
  return <div data-testid="location">{location.pathname}</div>;
}

export interface RenderOptions {
  client: Client;
  path?: string;
  route?: string;
  language?: Language;
  token?: string | null;
}

/** Renders a page with the app's providers: preferences, session, a mock API, a router at `path`. */
export function renderWithApp(ui: ReactElement, options: RenderOptions): RenderResult {
  const language = options.language ?? 'en';
  window.localStorage.setItem(STORAGE_KEYS.language, language);
  if (options.token)
    window.localStorage.setItem(STORAGE_KEYS.session, JSON.stringify({ token: options.token, expiresAt: null }));
  initI18n(language);
  return render(
    <PreferencesProvider>
      <SessionProvider>
        <Provider value={options.client}>
          <MemoryRouter initialEntries={[options.path ?? '/']}>
            <Routes>
              <Route path={options.route ?? '*'} element={ui} />
            </Routes>
            <LocationProbe />
          </MemoryRouter>
        </Provider>
      </SessionProvider>
    </PreferencesProvider>,
  );
}
