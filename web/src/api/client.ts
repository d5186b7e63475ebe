import {
  Client,
  cacheExchange,
  fetchExchange,
  mapExchange,
  subscriptionExchange,
  type CombinedError,
} from '@urql/core';
import type { Client as WsClient } from 'graphql-ws';
import type { Language } from '../i18n';

export const GRAPHQL_PATH = '/graphql';

export interface ApiClientOptions {
  token: string | null;
  language: Language;
  /**
   * Called when the API answers UNAUTHENTICATED to a request that carried a token, or closes the
   * WebSocket because the token's session ended.
   */
  onSessionEnded(): void;
  /** Defaults to this page's origin. */
  origin?: string;
}

export interface ApiClient {
  client: Client;
  dispose(): void;
}

export function isUnauthenticated(error: CombinedError | undefined): boolean {
  return Boolean(error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED'));
}

/**
 * Close codes with which the API ends a WebSocket because of its credential: 4401 when the session
 * ended while the socket was open (signed out, password changed, expired, account disabled), 4403 when
 * the token was refused on connecting. Reconnecting with the same token cannot help.
 */
const CREDENTIAL_CLOSE_CODES: readonly unknown[] = [4401, 4403];

function closedForCredential(event: unknown): boolean {
  return (
    typeof event === 'object' && event !== null && CREDENTIAL_CLOSE_CODES.includes((event as { code?: unknown }).code)
  );
}

/** graphql-ws's own rule (retry after a close, not after an error), except for a dead credential. */
function shouldRetryWebSocket(errorOrCloseEvent: unknown): boolean {
  const isClose = typeof errorOrCloseEvent === 'object' && errorOrCloseEvent !== null && 'code' in errorOrCloseEvent;
  return isClose && !closedForCredential(errorOrCloseEvent);
}

export function webSocketUrl(origin: string): string {
  const url = new URL(GRAPHQL_PATH, origin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/**
 * One GraphQL client per session token and language: HTTP POST for queries and mutations (with
 * `Authorization` and `Accept-Language`), graphql-ws on the same path for subscriptions (the same two
 * as connectionParams). A new token or language makes a new client, which also drops the cache of
 * the previous user or language.
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const origin = options.origin ?? window.location.origin;
  const authorization = options.token ? `Bearer ${options.token}` : undefined;
  // Opened on the first subscription; made again if a subscription comes after dispose(). graphql-ws
  // itself loads then too: most pages never subscribe, and the first page load is smaller without it.
  let ws: Promise<WsClient> | null = null;
  const webSocket = () => {
    if (ws) return ws;
    const created: Promise<WsClient> = import('graphql-ws').then(({ createClient }) =>
      createClient({
        url: webSocketUrl(origin),
        lazy: true,
        retryAttempts: 10,
        shouldRetry: shouldRetryWebSocket,
        connectionParams: () => ({ authorization, acceptLanguage: options.language }),
        on: {
          // The session ended on the server: sign out here too (a disposed client's close is its own).
          closed: (event) => {
            if (authorization && ws === created && closedForCredential(event)) options.onSessionEnded();
          },
        },
      }),
    );
    ws = created;
    return created;
  };

  const client = new Client({
    url: new URL(GRAPHQL_PATH, origin).toString(),
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({
      headers: {
        'Accept-Language': options.language,
        ...(authorization ? { Authorization: authorization } : {}),
      },
    }),
    exchanges: [
      cacheExchange,
      mapExchange({
        onError(error) {
          if (authorization && isUnauthenticated(error)) options.onSessionEnded();
        },
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              let unsubscribe: (() => void) | null = null;
              let cancelled = false;
              void webSocket().then((socket) => {
                if (!cancelled) unsubscribe = socket.subscribe(input, sink);
              });
              return {
                unsubscribe() {
                  cancelled = true;
                  unsubscribe?.();
                },
              };
            },
          };
        },
      }),
    ],
  });

  return {
    client,
    dispose() {
      void ws?.then((socket) => socket.dispose());
      ws = null;
    },
  };
}
