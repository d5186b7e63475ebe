import type { TestApp } from './app.js';

// Real HTTP against a TestApp, for what only the HTTP layer does: CSRF prevention, body size,
// batching, status codes, headers, rate limits per IP.

export interface HttpResult {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or undefined when the body is not JSON. */
  json: any;
  text: string;
}

async function toResult(response: Response): Promise<HttpResult> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text };
}

/** POSTs a body (an object is sent as JSON) to /graphql; with `timeoutMs`, a hung answer fails the call. */
export async function postGraphql(
  app: TestApp,
  body: unknown,
  headers: Record<string, string> = {},
  timeoutMs?: number,
): Promise<HttpResult> {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs),
  });
  return toResult(response);
}

/** GETs /graphql with the operation in the query string. */
export async function getGraphql(
  app: TestApp,
  params: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<HttpResult> {
  const response = await fetch(`${app.url}/graphql?${new URLSearchParams(params)}`, { headers });
  return toResult(response);
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
