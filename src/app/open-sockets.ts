import { GraphQLError } from 'graphql';
import { CloseCode, type Context } from 'graphql-ws';
import { defineMessages, translate, type Locale } from '../shared/messages.js';
import type { Viewer } from '../shared/viewer.js';

// What this process knows of its open GraphQL WebSockets: whose credential each was opened with, and
// which subscriptions run on it. A credential is checked when the socket opens and on every operation
// it starts, but a subscription outlives both: when the credential ends (signed out, password changed,
// key revoked, session expired, user disabled), its sockets are closed from here.

/**
 * The close code for a socket whose credential ended. graphql-ws clients treat 4401 Unauthorized as
 * fatal and do not reconnect by themselves: the person (or partner system) must sign in again.
 */
export const CREDENTIAL_ENDED = CloseCode.Unauthorized;

/** Which cap a new subscription would pass, and its value. */
export interface CapReached {
  scope: 'SOCKET' | 'CREDENTIAL';
  max: number;
}

const messages = defineMessages({
  'websocket.tooManySubscriptionsOnSocket': {
    zh: '此连接上同时进行的订阅已达上限（{max} 个），请先结束其中一个再开始新的订阅。',
    en: 'This connection already has the most subscriptions allowed at once ({max}). End one before starting another.',
  },
  'websocket.tooManySubscriptionsOfCredential': {
    zh: '您的会话或 API 密钥同时进行的订阅已达上限（{max} 个），请先结束其中一个再开始新的订阅。',
    en: 'Your session or API key already has the most subscriptions allowed at once ({max}). End one before starting another.',
  },
});

/** The error for a refused subscription: RATE_LIMITED (a cap on what runs at once, not on time), with the cap. */
export function tooManySubscriptions(reached: CapReached, locale: Locale): GraphQLError {
  const key =
    reached.scope === 'SOCKET'
      ? messages['websocket.tooManySubscriptionsOnSocket']
      : messages['websocket.tooManySubscriptionsOfCredential'];
  return new GraphQLError(translate(locale, key, { max: reached.max }), {
    extensions: { code: 'RATE_LIMITED', maxSubscriptions: reached.max },
  });
}

export interface SubscriptionCaps {
  perSocket: number;
  /** Over all the sockets of one session or API key in this process. */
  perCredential: number;
}

interface OpenSocket {
  ctx: Context;
  viewer: Viewer;
  /** The session or API key the socket was opened with; null when anonymous. */
  credential: string | null;
  /** Ids of the subscription operations started on it; graphql-ws's `ctx.subscriptions` says which still run. */
  subscriptionIds: Set<string>;
  close(code: number, reason: string): void;
}

function credentialOf(viewer: Viewer): string | null {
  if (viewer.sessionId) return `session:${viewer.sessionId}`;
  if (viewer.apiKeyId) return `key:${viewer.apiKeyId}`;
  return null;
}

/** The subscriptions still running on a socket (forgets those graphql-ws has finished or dropped). */
function running(socket: OpenSocket): number {
  for (const id of socket.subscriptionIds) if (!(id in socket.ctx.subscriptions)) socket.subscriptionIds.delete(id);
  return socket.subscriptionIds.size;
}

export class OpenSockets {
  private readonly sockets = new Map<Context, OpenSocket>();
  private readonly byCredential = new Map<string, Set<OpenSocket>>();

  constructor(private readonly caps: SubscriptionCaps) {}

  /** Registers an acknowledged socket; `close` ends it (the ws socket's own close). */
  add(ctx: Context, viewer: Viewer, close: (code: number, reason: string) => void): void {
    const socket: OpenSocket = { ctx, viewer, credential: credentialOf(viewer), subscriptionIds: new Set(), close };
    this.sockets.set(ctx, socket);
    if (socket.credential) {
      const sockets = this.byCredential.get(socket.credential) ?? new Set();
      sockets.add(socket);
      this.byCredential.set(socket.credential, sockets);
    }
  }

  remove(ctx: Context): void {
    const socket = this.sockets.get(ctx);
    if (!socket) return;
    this.sockets.delete(ctx);
    const sockets = socket.credential ? this.byCredential.get(socket.credential) : undefined;
    sockets?.delete(socket);
    if (sockets?.size === 0) this.byCredential.delete(socket.credential!);
  }

  /**
   * Counts subscription `id` as running on the socket, or returns the cap it would pass. Only
   * subscriptions count: a query or mutation over the socket ends with its one result.
   */
  startSubscription(ctx: Context, id: string): CapReached | null {
    const socket = this.sockets.get(ctx);
    if (!socket) return null;
    if (running(socket) >= this.caps.perSocket) return { scope: 'SOCKET', max: this.caps.perSocket };
    if (socket.credential) {
      let total = 0;
      for (const other of this.byCredential.get(socket.credential) ?? []) total += running(other);
      if (total >= this.caps.perCredential) return { scope: 'CREDENTIAL', max: this.caps.perCredential };
    }
    socket.subscriptionIds.add(id);
    return null;
  }

  /** The viewers of the sockets opened with a session or API key. */
  viewersWithCredentials(): Viewer[] {
    return [...this.byCredential.values()].map((sockets) => sockets.values().next().value!.viewer);
  }

  /**
   * Closes every socket whose viewer `ended` matches with CREDENTIAL_ENDED, and stops its subscriptions
   * at once: ws only reports the close (which ends them in graphql-ws) once the client answers it.
   */
  closeWhere(ended: (viewer: Viewer) => boolean, reason: string): number {
    let closed = 0;
    for (const socket of [...this.sockets.values()]) {
      if (!ended(socket.viewer)) continue;
      this.remove(socket.ctx);
      socket.close(CREDENTIAL_ENDED, reason);
      for (const subscription of Object.values(socket.ctx.subscriptions)) {
        if (subscription && 'return' in subscription) subscription.return(undefined).catch(() => undefined);
      }
      closed += 1;
    }
    return closed;
  }
}
