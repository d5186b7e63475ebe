import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DriverException } from '@mikro-orm/core';
import { stdSerializers, type Logger } from 'pino';
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
  'CURSOR_EXPIRED',
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

const VARIABLE_VALUE = /^(Variable "\$[A-Za-z_]\w*" got invalid value) /;
/** graphql-js messages that end with the rejected value, and what is left of them without it. */
const VALUE_AT_END: [RegExp, string][] = [
  [/^(Expected value of type "[^"]+"), found [\s\S]*$/, '$1.'],
  [/^((?:Enum "\w+"|\w+) cannot represent [^:]*): [\s\S]*$/, '$1.'],
  [/^Value [\s\S]* does not exist in ("\w+" enum\.)[\s\S]*$/, 'The value does not exist in $1'],
];

function withoutTrailingValue(text: string): string {
  for (const [pattern, replacement] of VALUE_AT_END) if (pattern.test(text)) return text.replace(pattern, replacement);
  return text;
}

/**
 * graphql-js puts the rejected value into its messages: `Variable "$input" got invalid value { email: …,
 * password: "…" }; Field "displayName" … was not provided.`, `String cannot represent a non string value:
 * …`, `Expected value of type "String!", found …`. A password or an ID number must not come back in a
 * response (nor sit in a client's logs), so the value is cut out; the variable, the path to the bad field
 * and the reason stay. `reason` is the message of the underlying error, with which a variable's message ends.
 */
export function withoutInputValue(message: string, reason: string | undefined): string {
  const head = VARIABLE_VALUE.exec(message);
  if (!head) return withoutTrailingValue(message);
  if (!reason || !message.endsWith(`; ${reason}`)) return `${head[1]}.`;
  const prefix = message.slice(0, message.length - reason.length - 2);
  const at = / at "[\w.[\]]+"$/.exec(prefix);
  const value = prefix.slice(head[0].length, at ? at.index : prefix.length);
  const reasonWithoutValue = withoutTrailingValue(value ? reason.split(value).join('(value not shown)') : reason);
  return `${head[1]}${at ? at[0] : ''}; ${reasonWithoutValue}`;
}

/** What the log keeps of a database error: where it happened, never what was written. */
const DATABASE_ERROR_FIELDS = ['code', 'sqlState', 'severity', 'routine', 'schema', 'table', 'column', 'constraint'];

/**
 * SQLSTATE classes whose PostgreSQL messages name objects, not values: connection (08), transaction
 * state (25), integrity (23: the constraint; its values are in `detail`, which is dropped), rollback (40),
 * missing table or column (42), resources (53), object state (55), operator intervention (57). Data
 * exceptions (22) quote the value ("invalid input syntax for type uuid: …") and keep no message.
 */
const MESSAGE_NAMES_NO_VALUE = /^(08|23|25|40|42|53|55|57)/;

function isDatabaseError(error: unknown): error is Error & Record<string, unknown> {
  return (
    error instanceof DriverException ||
    (error instanceof Error && ('sql' in error || 'parameters' in error || ('severity' in error && 'routine' in error)))
  );
}

/**
 * What a log line may hold of an error. A database error carries the statement with every value in it
 * (MikroORM hands knex SQL with the parameters inlined, and knex writes "<that SQL> - <PostgreSQL's
 * message>" into the message and so into the stack's first line) and sometimes the values again
 * (`parameters`, `detail`: "Key (email)=(…)"): password hashes, contact details, ID numbers. Of such an
 * error only its class, SQLSTATE, PostgreSQL's own message where it names no value, the names of the
 * table, column and constraint and the stack frames are kept. Any other error is logged as it is.
 */
export function loggableError(error: unknown): unknown {
  if (!isDatabaseError(error)) return error;
  const code = typeof error.code === 'string' ? error.code : '';
  const sqlEnds = error.message.lastIndexOf(' - ');
  const reason = sqlEnds === -1 ? error.message : error.message.slice(sqlEnds + 3);
  const kept: Record<string, unknown> = {
    type: error.name,
    message: MESSAGE_NAMES_NO_VALUE.test(code) ? reason : 'database error (statement and values not logged)',
  };
  for (const field of DATABASE_ERROR_FIELDS) if (typeof error[field] === 'string') kept[field] = error[field];
  kept.stack = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .join('\n');
  return kept;
}

/** pino's `err` serializer with loggableError in front (a plain object, e.g. one already made loggable, stays as is). */
export function serializeError(error: unknown): unknown {
  const loggable = loggableError(error);
  return loggable instanceof Error ? stdSerializers.err(loggable) : loggable;
}

/**
 * graphql-js stops coercing variables after 50 errors and adds an error of its own, with no code and no
 * location (so Apollo codes it INTERNAL_SERVER_ERROR, not BAD_USER_INPUT as the 50): it is about the client's input.
 */
const VARIABLE_ERROR_LIMIT = 'Too many errors processing variables, error limit reached. Execution aborted.';

function codeOf(formatted: GraphQLFormattedError, original: unknown): unknown {
  if (original instanceof GraphQLError && original.message === VARIABLE_ERROR_LIMIT) return 'BAD_USER_INPUT';
  return formatted.extensions?.code;
}

export interface MaskContext {
  locale: Locale;
  requestId: string;
  logger: Logger;
}

/** The client's view of one error. */
export function maskError(
  formatted: GraphQLFormattedError,
  error: unknown,
  context: MaskContext,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    const problems = renderProblems(original.problems, context.locale);
    return {
      message: problems.map((p) => p.message).join(' '),
      path: formatted.path,
      extensions: { code: 'BAD_USER_INPUT', problems },
    };
  }
  const code = codeOf(formatted, original);
  // Only our own GraphQLErrors and those of graphql-js/Apollo carry these codes; anything else is internal,
  // even when it has an `extensions.code` of its own (graphql-js copies any thrown object's extensions).
  if (original instanceof GraphQLError && typeof code === 'string' && CLIENT_CODES.has(code)) {
    const reason = error instanceof GraphQLError ? error.originalError?.message : undefined;
    return {
      message: withoutInputValue(formatted.message, reason),
      locations: formatted.locations,
      path: formatted.path,
      extensions: { ...pick(formatted.extensions), code },
    };
  }
  context.logger.error(
    { err: loggableError(original), requestId: context.requestId, path: formatted.path },
    'internal error',
  );
  return {
    message: translate(context.locale, 'error.internal', { requestId: context.requestId }),
    path: formatted.path,
    extensions: { code: 'INTERNAL', requestId: context.requestId },
  };
}
