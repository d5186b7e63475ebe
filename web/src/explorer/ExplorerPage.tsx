// The GraphQL explorer: GraphiQL built into its own lazily loaded chunk (Monaco's workers included),
// fonts embedded in its stylesheet: nothing comes from a CDN.
import './monaco-workers';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GRAPHQL_PATH, webSocketUrl } from '../api/client';
import { TextField } from '../components/Field';
import { Page } from '../components/Page';
import { usePreferences } from '../preferences/PreferencesProvider';
import { useSession } from '../session/SessionProvider';

const DEFAULT_QUERY = `# Who am I, and the next working day after National Day.
query Example {
  viewer {
    role
    user {
      displayName
    }
  }
  workingDays {
    addWorkingDays(from: "2026-09-30", days: 1)
  }
}
`;

export default function ExplorerPage() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const session = useSession();
  const [token, setToken] = useState('');

  const fetcher = useMemo(() => {
    const trimmed = token.trim();
    const authorization = trimmed ? `Bearer ${trimmed.replace(/^Bearer\s+/i, '')}` : undefined;
    return createGraphiQLFetcher({
      url: new URL(GRAPHQL_PATH, window.location.origin).toString(),
      subscriptionUrl: webSocketUrl(window.location.origin),
      headers: { 'Accept-Language': language, ...(authorization ? { Authorization: authorization } : {}) },
      wsConnectionParams: { acceptLanguage: language, ...(authorization ? { authorization } : {}) },
    });
  }, [token, language]);

  return (
    <Page title={t('explorer.title')} intro={t('explorer.intro')} wide>
      <div className="explorer__token">
        <TextField
          label={t('explorer.token')}
          hint={t('explorer.tokenHint')}
          type="password"
          name="token"
          autoComplete="off"
          spellCheck={false}
          value={token}
          onChange={(event) => setToken(event.target.value)}
        />
        <div className="explorer__token-actions">
          {session.token ? (
            <button type="button" className="button button--secondary" onClick={() => setToken(session.token ?? '')}>
              {t('explorer.useMine')}
            </button>
          ) : null}
          {token ? (
            <button type="button" className="button button--quiet" onClick={() => setToken('')}>
              {t('explorer.clear')}
            </button>
          ) : null}
        </div>
      </div>
      <div className="explorer__ide" data-testid="graphiql">
        <GraphiQL
          fetcher={fetcher}
          defaultQuery={DEFAULT_QUERY}
          isHeadersEditorEnabled
          defaultEditorToolsVisibility={false}
        />
      </div>
    </Page>
  );
}
