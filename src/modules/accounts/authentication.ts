import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../shared/clock.js';
import { anonymousViewer, type Viewer } from '../../shared/viewer.js';
import { ApiKey, Session } from './accounts.entity.js';
import { API_KEY_PREFIX, SESSION_TOKEN_PREFIX, sha256 } from './credentials.js';

export type AuthenticationResult = { ok: true; viewer: Viewer } | { ok: false };

/**
 * Turns a bearer credential into the viewer. No credential: anonymous. A credential that is unknown,
 * expired or revoked is refused (the caller answers UNAUTHENTICATED) rather than silently downgraded,
 * so a client learns at once that it must sign in again.
 */
export async function authenticate(
  em: EntityManager,
  clock: Clock,
  bearer: string | null,
  ip: string,
): Promise<AuthenticationResult> {
  if (!bearer) return { ok: true, viewer: anonymousViewer(ip) };
  const now = clock.now();
  if (bearer.startsWith(SESSION_TOKEN_PREFIX)) {
    const session = await em.findOne(
      Session,
      { tokenHash: sha256(bearer), revokedAt: null, expiresAt: { $gt: now }, user: { disabledAt: null } },
      { populate: ['user'] },
    );
    if (!session) return { ok: false };
    const user = session.user;
    return {
      ok: true,
      viewer: {
        kind: 'USER',
        userId: user.id,
        sessionId: session.id,
        apiKeyId: null,
        role: user.role,
        department: user.department,
        organisationId: user.organisation?.id ?? null,
        scopes: [],
        rateLimitKey: `session:${session.id}`,
      },
    };
  }
  if (bearer.startsWith(API_KEY_PREFIX)) {
    const apiKey = await em.findOne(ApiKey, {
      secretHash: sha256(bearer),
      revokedAt: null,
      $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }],
    });
    if (!apiKey) return { ok: false };
    return {
      ok: true,
      viewer: {
        kind: 'API_KEY',
        userId: null,
        sessionId: null,
        apiKeyId: apiKey.id,
        role: 'PARTNER',
        department: null,
        organisationId: null,
        scopes: apiKey.scopes,
        rateLimitKey: `key:${apiKey.id}`,
      },
    };
  }
  return { ok: false };
}

/** The credential in an `Authorization: Bearer …` header value, or null. */
export function bearerFrom(header: string | undefined | null): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}
