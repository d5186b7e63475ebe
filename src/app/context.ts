import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import proxyAddress from 'proxy-addr';
import type { Config } from '../config.js';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestContext, PlatformDeps } from '../shared/context.js';
import { topLevelError } from '../shared/errors.js';
import { Loaders } from '../shared/loaders.js';
import { localeFromAcceptLanguage, translate, type Locale } from '../shared/messages.js';
import type { RequestScope } from './request-scope.js';
import { anonymousViewer } from '../shared/viewer.js';
import { authenticate, bearerFrom } from '../modules/accounts/index.js';

export interface ContextSource {
  authorization: string | null | undefined;
  acceptLanguage: string | null | undefined;
  ip: string;
  requestId?: string;
}

/** Whether the peer at `hop` (0: the socket's) is a proxy whose X-Forwarded-For is believed. */
export type ProxyTrust = (address: string, hop: number) => boolean;

/** The proxies TRUST_PROXY names: a hop count, or their addresses; none by default. */
export function proxyTrust(setting: Config['trustProxy']): ProxyTrust {
  return typeof setting === 'number' ? (_address, hop) => hop < setting : proxyAddress.compile(setting);
}

/**
 * The client's address: the socket's, or the one a trusted proxy forwarded. An X-Forwarded-For from
 * anyone else is ignored: it would let a client choose its rate-limit budget and sign-in lockout key.
 */
export function clientAddress(request: IncomingMessage, trust: ProxyTrust): string {
  return proxyAddress(request, trust) || request.socket.remoteAddress || 'unknown';
}

/** A request id from a well-formed incoming header, or a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9._-]{8,64}$/.test(value) ? value : randomUUID();
}

/** The id and locale of an HTTP request, kept for its whole life (logs, error masking). */
export function scopeOf(request: IncomingMessage): RequestScope {
  return {
    requestId: requestIdFrom(request.headers['x-request-id']),
    locale: localeFromAcceptLanguage(request.headers['accept-language']),
  };
}

/**
 * Builds one operation's context: the viewer from the bearer credential, a fresh EntityManager fork,
 * fresh DataLoaders and the locale. The same function serves HTTP (POST and GET) and WebSocket.
 */
export async function createRequestContext(
  orm: MikroORM,
  deps: PlatformDeps,
  source: ContextSource,
): Promise<RequestContext> {
  const locale: Locale = localeFromAcceptLanguage(source.acceptLanguage);
  const em = orm.em.fork();
  const presented = bearerFrom(source.authorization);
  const result =
    presented.kind === 'UNSUPPORTED'
      ? ({ ok: false } as const)
      : await authenticate(
          em,
          deps.clock,
          presented.kind === 'BEARER' ? presented.bearer : null,
          source.ip,
          deps.config.credentialCacheSeconds * 1000,
        );
  if (!result.ok) {
    throw topLevelError('UNAUTHENTICATED', translate(locale, 'error.unauthenticated'), { http: { status: 401 } });
  }
  const loaders = new Loaders();
  const ctx: RequestContext = {
    requestId: source.requestId ?? randomUUID(),
    locale,
    viewer: result.viewer,
    clientAddress: source.ip,
    em,
    loaders,
    deps,
    afterCommit: [],
  };
  loaders.bind(ctx);
  return ctx;
}

/**
 * A context for work the platform does by itself (scheduled sweeps): no user, no rate limit; audit
 * events it writes carry no actor, which marks them as the system's.
 */
export function createSystemContext(orm: MikroORM, deps: PlatformDeps): RequestContext {
  const loaders = new Loaders();
  const ctx: RequestContext = {
    requestId: `system-${randomUUID()}`,
    locale: 'ZH_CN',
    viewer: { ...anonymousViewer('system'), rateLimitKey: 'system' },
    clientAddress: null,
    em: orm.em.fork(),
    loaders,
    deps,
    afterCommit: [],
  };
  loaders.bind(ctx);
  return ctx;
}
