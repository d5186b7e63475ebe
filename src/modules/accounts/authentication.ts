import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../shared/clock.js';
import { followEvents, type EventBus } from '../../shared/pubsub.js';
import { anonymousViewer, type Viewer } from '../../shared/viewer.js';
import { ApiKey, Session } from './accounts.entity.js';
import { noteApiKeyUse } from './key-usage.js';
import { API_KEY_PREFIX, SESSION_TOKEN_PREFIX, sha256 } from './credentials.js';

export type AuthenticationResult = { ok: true; viewer: Viewer } | { ok: false };

// Recognised credentials, kept for a few seconds: banks and partner systems poll the busy searches
// many times a second, and looking their credential up in the database each time cost more than
// the search itself. An entry never outlives its session or key; signing out, changing a password and
// revoking a key forget the entries concerned at once, in this process and, through the event bus,
// in every other worker (revokeCredentials, followCredentialRevocations). Unknown credentials are
// never kept.
const MAX_CACHED = 10_000;
const recognised = new Map<string, { viewer: Viewer; until: number }>();

/** Forgets the cached credentials whose viewer matches (e.g. one session, every session of a user, a key). */
function forgetCredentials(matches: (viewer: Viewer) => boolean): void {
  for (const [hash, entry] of recognised) if (matches(entry.viewer)) recognised.delete(hash);
}

const CREDENTIALS_REVOKED = 'accounts.credentialsRevoked';

/** Which credentials stopped being valid: one session, a user's sessions (but one), or an API key. */
export type Revocation =
  | { id: string; scope: 'SESSION' }
  | { id: string; scope: 'USER'; exceptSessionId: string | null }
  | { id: string; scope: 'API_KEY' };

function revoked(revocation: Revocation): (viewer: Viewer) => boolean {
  switch (revocation.scope) {
    case 'SESSION':
      return (viewer) => viewer.sessionId === revocation.id;
    case 'USER':
      return (viewer) => viewer.userId === revocation.id && viewer.sessionId !== revocation.exceptSessionId;
    case 'API_KEY':
      return (viewer) => viewer.apiKeyId === revocation.id;
  }
}

/** Forgets revoked credentials here at once, and tells the other workers to (call after commit). */
export function revokeCredentials(events: EventBus, revocation: Revocation): void {
  forgetCredentials(revoked(revocation));
  events.publish(CREDENTIALS_REVOKED, revocation);
}

/**
 * Forgets in this process what any process revokes, and hands each revocation to `onRevoked` (the open
 * WebSockets end theirs), until the returned function is called.
 */
export function followCredentialRevocations(
  events: EventBus,
  onRevoked: (isRevoked: (viewer: Viewer) => boolean) => void = () => {},
): () => Promise<void> {
  return followEvents<Revocation>(
    events,
    CREDENTIALS_REVOKED,
    (revocation) => {
      const isRevoked = revoked(revocation);
      forgetCredentials(isRevoked);
      onRevoked(isRevoked);
    },
    // The bus lost its connection, so a revocation may have been missed: every cached credential is checked
    // against the database again on its next use (open sockets: at the next WS_CREDENTIAL_CHECK_SECONDS).
    () => forgetCredentials(() => true),
  );
}

/** Enough ids for one `in (…)` list, far below PostgreSQL's 65,535 parameters. */
const IDS_PER_QUERY = 5000;

async function stillValidIds(
  ids: string[],
  find: (chunk: string[]) => Promise<{ id: string }[]>,
): Promise<Set<string>> {
  const valid = new Set<string>();
  for (let start = 0; start < ids.length; start += IDS_PER_QUERY) {
    for (const row of await find(ids.slice(start, start + IDS_PER_QUERY))) valid.add(row.id);
  }
  return valid;
}

/**
 * Which of these viewers' credentials have ended since they were checked: the session revoked, expired
 * or its user disabled; the API key revoked or expired. For connections that outlive a request (the
 * WebSockets), which ask again now and then. Viewers not in the list are never reported as ended.
 */
export async function endedCredentials(
  em: EntityManager,
  clock: Clock,
  viewers: readonly Viewer[],
): Promise<(viewer: Viewer) => boolean> {
  const now = clock.now();
  const sessionIds = [...new Set(viewers.flatMap((viewer) => (viewer.sessionId ? [viewer.sessionId] : [])))];
  const apiKeyIds = [...new Set(viewers.flatMap((viewer) => (viewer.apiKeyId ? [viewer.apiKeyId] : [])))];
  const validSessions = await stillValidIds(sessionIds, (ids) =>
    em.find(
      Session,
      { id: { $in: ids }, revokedAt: null, expiresAt: { $gt: now }, user: { disabledAt: null } },
      { fields: ['id'] },
    ),
  );
  const validApiKeys = await stillValidIds(apiKeyIds, (ids) =>
    em.find(
      ApiKey,
      { id: { $in: ids }, revokedAt: null, $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }] },
      { fields: ['id'] },
    ),
  );
  const checkedSessions = new Set(sessionIds);
  const checkedApiKeys = new Set(apiKeyIds);
  return (viewer) =>
    (viewer.sessionId !== null && checkedSessions.has(viewer.sessionId) && !validSessions.has(viewer.sessionId)) ||
    (viewer.apiKeyId !== null && checkedApiKeys.has(viewer.apiKeyId) && !validApiKeys.has(viewer.apiKeyId));
}

function remember(hash: string, viewer: Viewer, now: number, ttlMs: number, expiresAt: Date | null): void {
  if (ttlMs <= 0) return;
  if (recognised.size >= MAX_CACHED) recognised.delete(recognised.keys().next().value as string);
  recognised.set(hash, { viewer, until: Math.min(now + ttlMs, expiresAt?.getTime() ?? Infinity) });
}

function earlier(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a < b ? a : b;
}

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
  cacheTtlMs = 0,
): Promise<AuthenticationResult> {
  if (!bearer) return { ok: true, viewer: anonymousViewer(ip) };
  const now = clock.now();
  const hash = sha256(bearer);
  const cached = recognised.get(hash);
  if (cached) {
    if (cached.until > now.getTime()) {
      if (cached.viewer.apiKeyId) noteApiKeyUse(em, cached.viewer.apiKeyId, now);
      return { ok: true, viewer: { ...cached.viewer } };
    }
    recognised.delete(hash);
  }
  if (bearer.startsWith(SESSION_TOKEN_PREFIX)) {
    const session = await em.findOne(
      Session,
      { tokenHash: hash, revokedAt: null, expiresAt: { $gt: now }, user: { disabledAt: null } },
      { populate: ['user'] },
    );
    if (!session) return { ok: false };
    const user = session.user;
    const viewer: Viewer = {
      kind: 'USER',
      userId: user.id,
      sessionId: session.id,
      apiKeyId: null,
      role: user.role,
      department: user.department,
      organisationId: user.organisation?.id ?? null,
      organisationAdmin: user.organisationAdmin && user.organisation !== null,
      scopes: [],
      // Per user, not per session: signing in again must not give a fresh budget.
      rateLimitKey: `user:${user.id}`,
    };
    remember(hash, viewer, now.getTime(), cacheTtlMs, session.expiresAt);
    return { ok: true, viewer: { ...viewer } };
  }
  if (bearer.startsWith(API_KEY_PREFIX)) {
    // The current secret, or the one before the last rotation while its overlap lasts.
    const apiKey = await em.findOne(ApiKey, {
      $and: [
        { $or: [{ secretHash: hash }, { previousSecretHash: hash, previousSecretValidUntil: { $gt: now } }] },
        { revokedAt: null },
        { $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }] },
      ],
    });
    if (!apiKey) return { ok: false };
    const viewer: Viewer = {
      kind: 'API_KEY',
      userId: null,
      sessionId: null,
      apiKeyId: apiKey.id,
      role: 'PARTNER',
      department: null,
      // The organisation that manages the key: its events in the feed (shared/events) are the key's too.
      organisationId: apiKey.organisation?.id ?? null,
      organisationAdmin: false,
      scopes: apiKey.scopes,
      rateLimitKey: `key:${apiKey.id}`,
    };
    const validUntil =
      apiKey.secretHash === hash ? apiKey.expiresAt : earlier(apiKey.expiresAt, apiKey.previousSecretValidUntil);
    remember(hash, viewer, now.getTime(), cacheTtlMs, validUntil);
    noteApiKeyUse(em, apiKey.id, now);
    return { ok: true, viewer: { ...viewer } };
  }
  return { ok: false };
}

/** What an `Authorization` header presents: nothing, a bearer credential, or something else. */
export type PresentedCredential = { kind: 'NONE' } | { kind: 'BEARER'; bearer: string } | { kind: 'UNSUPPORTED' };

/**
 * Reads an `Authorization` header value. Only `Bearer <credential>` is a credential here; any other
 * value (`Basic …`, another scheme, a bare token) is UNSUPPORTED, which the caller refuses with
 * UNAUTHENTICATED rather than serving as anonymous: a client that sends a credential must learn that it
 * was not accepted, not receive an anonymous view.
 */
export function bearerFrom(header: string | undefined | null): PresentedCredential {
  if (header === undefined || header === null || header.trim() === '') return { kind: 'NONE' };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? { kind: 'BEARER', bearer: match[1]! } : { kind: 'UNSUPPORTED' };
}
