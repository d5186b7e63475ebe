import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { createApiClient } from './client';

// The client's WebSocket when the API ends its session: a graphql-ws server speaking as the API does
// (4403 for a token refused on connecting, 4401 when the session ends while the socket is open). The
// client must sign out and give up, not reconnect with the dead token.

const schema = buildSchema(`
  type Query { ok: Boolean }
  type Subscription { tick: Int }
`);

let server: Server;
let origin = '';
let connections = 0;
beforeAll(async () => {
  vi.stubGlobal('WebSocket', WebSocket);
  server = createServer();
  useServer(
    {
      schema,
      onConnect: (ctx) => {
        connections += 1;
        return ctx.connectionParams?.authorization !== 'Bearer refused';
      },
      onSubscribe: (ctx) => {
        // The session "ends" as soon as it subscribes.
        ctx.extra.socket.close(CloseCode.Unauthorized, 'Credential revoked');
      },
      roots: { subscription: { tick: async function* () {} } },
    },
    new WebSocketServer({ server, path: '/graphql' }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  vi.unstubAllGlobals();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function subscribeWith(token: string) {
  const onSessionEnded = vi.fn();
  const api = createApiClient({ token, language: 'en', onSessionEnded, origin });
  const results: unknown[] = [];
  api.client.subscription('subscription { tick }', {}).subscribe((result) => results.push(result));
  await vi.waitFor(() => expect(results).toHaveLength(1), { timeout: 5000 });
  api.dispose();
  return { onSessionEnded, result: results[0] as { error?: { networkError?: { code?: number } } } };
}

describe('the API client over a WebSocket', () => {
  it('signs out at once, without reconnecting, when the token is refused on connecting (4403)', async () => {
    connections = 0;

    const { onSessionEnded, result } = await subscribeWith('refused');

    expect(onSessionEnded).toHaveBeenCalledOnce();
    expect(result.error?.networkError?.code).toBe(4403);
    expect(connections).toBe(1);
  });

  it('signs out at once when the session ends while the socket is open (4401)', async () => {
    connections = 0;

    const { onSessionEnded, result } = await subscribeWith('ends-later');

    expect(onSessionEnded).toHaveBeenCalledOnce();
    expect(result.error?.networkError?.code).toBe(4401);
    expect(connections).toBe(1);
  });
});
