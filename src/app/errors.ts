import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { DomainError, renderProblems } from '../shared/errors.js';
import { translate, type Locale } from '../shared/messages.js';

// What a client may learn from an error: its code and a message meant for it. Everything else
// (stack, SQL, internal messages) is logged with the request id and replaced by "Internal error".

/** Codes whose message is written for the client and may pass through unchanged. */
const CLIENT_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/** Extensions a client may see, per code. */
const SAFE_EXTENSIONS = ['code', 'retryAfterSeconds', 'cost', 'maxCost', 'depth', 'maxDepth', 'problems', 'requestId'];

function pick(extensions: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of SAFE_EXTENSIONS) if (extensions?.[key] !== undefined) out[key] = extensions[key];
  return out;
}

export interface MaskContext {
  locale: Locale;
  requestId: string;
  logger: Logger;
}

/** The client's view of one error. */
export function maskError(formatted: GraphQLFormattedError, error: unknown, context: MaskContext): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    const problems = renderProblems(original.problems, context.locale);
    return {
      message: problems.map((p) => p.message).join(' '),
      path: formatted.path,
      extensions: { code: 'BAD_USER_INPUT', problems },
    };
  }
  const code = formatted.extensions?.code;
  // Only our own GraphQLErrors and those of graphql-js/Apollo carry these codes; anything else is internal.
  if (typeof code === 'string' && CLIENT_CODES.has(code)) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: pick(formatted.extensions) };
  }
  context.logger.error({ err: original, requestId: context.requestId, path: formatted.path }, 'internal error');
  return {
    message: translate(context.locale, 'error.internal', { requestId: context.requestId }),
    path: formatted.path,
    extensions: { code: 'INTERNAL', requestId: context.requestId },
  };
}
