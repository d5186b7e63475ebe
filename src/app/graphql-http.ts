import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest } from '@apollo/server';
import proxyAddress from 'proxy-addr';
import type { Config } from '../config.js';
import type { RequestContext } from '../shared/context.js';
import { localeFromAcceptLanguage } from '../shared/messages.js';
import { requestIdFrom } from './context.js';
import { requestScope } from './request-scope.js';

// GraphQL over HTTP: the request id and locale, the body, Apollo, the answer. Two ways in, one
// behaviour: the common request (a POST of plain JSON to /graphql) is served straight from the HTTP
// server, since Express's router, body parser and response helpers cost about 3% of a bank search,
// which pollers send all day; every other request to /graphql (GET, other content types, encoded
// bodies, odd charsets) goes through Express with express.json, as before.

export const GRAPHQL_PATH = '/graphql';
export const MAX_BODY_BYTES = 1024 * 1024;

/** Headers on every answer of the server, GraphQL or not. */
export const SECURITY_HEADERS: readonly [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Frame-Options', 'DENY'],
];

/** The error bodies of a refused request body, the same on both ways in. */
export const BODY_TOO_LARGE = {
  errors: [{ message: 'Request body larger than 1 MB', extensions: { code: 'BAD_REQUEST' } }],
};
export const MALFORMED_BODY = { errors: [{ message: 'Malformed request body', extensions: { code: 'BAD_REQUEST' } }] };
export const UNSUPPORTED_BODY = {
  errors: [{ message: 'Unsupported body encoding or charset', extensions: { code: 'BAD_REQUEST' } }],
};
export const INTERNAL_ERROR = { errors: [{ message: 'Internal error', extensions: { code: 'INTERNAL' } }] };

/** Whether the peer at `hop` (0: the socket's) is a proxy whose X-Forwarded-For is believed. */
export type ProxyTrust = (address: string, hop: number) => boolean;

/** The proxies TRUST_PROXY names: a hop count, or their addresses; none by default. */
export function proxyTrust(setting: Config['trustProxy']): ProxyTrust {
  return typeof setting === 'number' ? (_address, hop) => hop < setting : proxyAddress.compile(setting);
}

export type ContextFactory = (request: IncomingMessage, response: ServerResponse) => Promise<RequestContext>;

/** The id and locale of a request, kept for its whole life (logs, error masking). */
export function scopeOf(request: IncomingMessage) {
  return {
    requestId: requestIdFrom(request.headers['x-request-id']),
    locale: localeFromAcceptLanguage(request.headers['accept-language']),
  };
}

/**
 * The client's address: the socket's, or the one a trusted proxy forwarded. An X-Forwarded-For from
 * anyone else is ignored: it would let a client choose its rate-limit budget and sign-in lockout key.
 */
export function clientAddress(request: IncomingMessage, trust: ProxyTrust): string {
  return proxyAddress(request, trust) || request.socket.remoteAddress || 'unknown';
}

/** Runs one GraphQL request through Apollo and writes the answer. `body`: the parsed JSON body, if any. */
export async function answerGraphQL(
  apollo: ApolloServer<RequestContext>,
  context: ContextFactory,
  request: IncomingMessage,
  response: ServerResponse,
  body: unknown,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = request.url ?? '';
  const query = url.indexOf('?');
  const httpGraphQLRequest: HTTPGraphQLRequest = {
    method: (request.method ?? 'GET').toUpperCase(),
    headers,
    search: query === -1 ? '' : url.slice(query),
    body,
  };
  const answer = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest,
    context: () => context(request, response),
  });
  for (const [name, value] of answer.headers) response.setHeader(name, value);
  response.statusCode = answer.status ?? 200;
  // Written as is, with no ETag: a POST is never revalidated, and hashing a 50-row answer cost ~2%.
  if (answer.body.kind === 'complete') {
    response.setHeader('Content-Length', Buffer.byteLength(answer.body.string));
    response.end(answer.body.string);
    return;
  }
  for await (const chunk of answer.body.asyncIterator) response.write(chunk);
  response.end();
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Content-Length', Buffer.byteLength(text));
  response.end(text);
}

const PLAIN_JSON = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** A POST of plain JSON (UTF-8, not encoded) to exactly /graphql: the requests the fast path serves. */
export function isPlainGraphQLPost(request: IncomingMessage): boolean {
  if (request.method !== 'POST') return false;
  const url = request.url ?? '';
  const path = url.indexOf('?') === -1 ? url : url.slice(0, url.indexOf('?'));
  if (path !== GRAPHQL_PATH) return false;
  const encoding = request.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
  const type = request.headers['content-type'];
  return type !== undefined && PLAIN_JSON.test(type);
}

/**
 * Serves a request for which isPlainGraphQLPost holds: reads the body (up to 1 MB), parses it, answers.
 * A body over the limit or not JSON is refused as express.json and the error handler refuse it.
 */
export function servePlainGraphQLPost(
  apollo: ApolloServer<RequestContext>,
  context: ContextFactory,
  request: IncomingMessage,
  response: ServerResponse,
  onError: (error: unknown) => void,
): void {
  for (const [name, value] of SECURITY_HEADERS) response.setHeader(name, value);
  const declared = Number(request.headers['content-length']);
  if (declared > MAX_BODY_BYTES) {
    sendJson(response, 413, BODY_TOO_LARGE);
    return;
  }
  const chunks: Buffer[] = [];
  let received = 0;
  let refused = false;
  request.on('data', (chunk: Buffer) => {
    if (refused) return;
    received += chunk.length;
    if (received > MAX_BODY_BYTES) {
      refused = true;
      sendJson(response, 413, BODY_TOO_LARGE);
      return;
    }
    chunks.push(chunk);
  });
  request.on('error', () => {
    refused = true; // the client went away; there is nobody to answer
  });
  request.on('end', () => {
    if (refused) return;
    let text = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a byte order mark, as express.json drops it
    let body: unknown;
    try {
      // As express.json (strict): an empty body is {}, anything but an object or an array is malformed.
      body = text.length === 0 ? {} : JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (body === null || typeof body !== 'object') {
      sendJson(response, 400, MALFORMED_BODY);
      return;
    }
    requestScope.run(scopeOf(request), () => {
      answerGraphQL(apollo, context, request, response, body).catch((error: unknown) => {
        onError(error);
        if (!response.headersSent) sendJson(response, 500, INTERNAL_ERROR);
        else response.destroy();
      });
    });
  });
}
