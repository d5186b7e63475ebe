import type { RequestContext } from '../../shared/context.js';
import { topLevelError } from '../../shared/errors.js';
import { translate } from '../../shared/messages.js';
import type { PageInfo } from '../../shared/graphql/connection.js';

// Cursors of the financing lists: the sort key and the id, as JSON in base64url. Opaque to clients;
// checked strictly here, since their values go into SQL (as bound, inlined literals, never as text).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const INTEGER = /^\d{1,18}$/;

export type CursorKind = 'time' | 'integer' | 'text';

export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id]), 'utf8').toString('base64url');
}

/** The [key, id] of a cursor, or null when there is none; BAD_USER_INPUT when it is malformed. */
export function decodeCursor(
  ctx: RequestContext,
  after: string | null | undefined,
  kind: CursorKind,
): [string, string] | null {
  if (after === null || after === undefined || after === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    value = null;
  }
  const ok =
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'string' &&
    typeof value[1] === 'string' &&
    UUID.test(value[1]) &&
    (kind === 'time' ? ISO.test(value[0]) : kind === 'integer' ? INTEGER.test(value[0]) : value[0].length <= 300);
  if (!ok) throw topLevelError('BAD_USER_INPUT', translate(ctx.locale, 'error.invalidCursor'));
  return value as [string, string];
}

export function pageInfoOf<T>(
  edges: { cursor: string; node: T }[],
  hasNextPage: boolean,
  hasPreviousPage: boolean,
): PageInfo {
  return {
    hasNextPage,
    hasPreviousPage,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  };
}
