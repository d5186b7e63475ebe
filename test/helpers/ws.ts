import type { ExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { TestApp } from './app.js';

// GraphQL over a real WebSocket (graphql-ws), as a browser or partner system connects.

/** A client of the app's /graphql WebSocket; connects on the first subscription, never retries. */
export function wsClient(app: TestApp, connectionParams: Record<string, unknown> = {}): Client {
  return createClient({
    url: `${app.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
  });
}

export interface OpenSubscription<T> {
  /** Every result received so far. */
  results: ExecutionResult<T>[];
  /** Settles when the subscription ends: `error` is what the client reported (a close event or GraphQL errors). */
  ended: Promise<{ error?: unknown }>;
  unsubscribe: () => void;
}

export function subscribe<T = Record<string, any>>(
  client: Client,
  query: string,
  variables?: Record<string, unknown>,
): OpenSubscription<T> {
  const results: ExecutionResult<T>[] = [];
  let unsubscribe: () => void = () => {};
  const ended = new Promise<{ error?: unknown }>((resolve) => {
    unsubscribe = client.subscribe<T>(
      { query, variables },
      {
        next: (result) => results.push(result as ExecutionResult<T>),
        error: (error) => resolve({ error }),
        complete: () => resolve({}),
      },
    );
  });
  return { results, ended, unsubscribe };
}

/** Polls until `condition` holds, or fails after `timeoutMs`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
