import type { HttpResult } from '../../helpers/http.js';

// What no response may contain, whatever was sent: a server error, an INTERNAL error, or anything
// of the server's insides in an error (SQL, a stack frame, a file path, the ORM's or driver's words).

const LEAKS: [string, RegExp][] = [
  ['a stack frame', /\bat [\w$.<>]+ \(|\n\s+at |at async /],
  ['a file path', /\/work\/|node_modules|file:\/\/|\.[cm]?[jt]s:\d+/],
  ['SQL', /\bselect\s+\S+[\s\S]*\bfrom\b|\binsert into\b|\bdelete from\b|\bupdate\s+"?\w+"?\s+set\b|\bon conflict\b/i],
  [
    'a database message',
    /\brelation "|\bsyntax error at or near\b|\bviolates\b|\bduplicate key\b|\binvalid input syntax\b/i,
  ],
  ['the ORM or driver', /mikro-?orm|knex|pglite|\bpg-protocol\b|DriverException/i],
];

/** Every string in a value, unescaped (a leak in JSON text would hide behind its escapes). */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

function leaksIn(value: unknown): string[] {
  const strings = stringsIn(value);
  return LEAKS.filter(([, pattern]) => strings.some((text) => pattern.test(text))).map(([what]) => what);
}

export interface Finding {
  problem: string;
  /** The error (or the start of the body) that shows it. */
  evidence: string;
}

/** Everything wrong with one response; empty when it is a proper answer (data or client errors). */
export function inspect(response: HttpResult): Finding[] {
  const findings: Finding[] = [];
  if (response.status >= 500)
    findings.push({ problem: `HTTP ${response.status}`, evidence: response.text.slice(0, 300) });
  if (response.json === undefined || response.json === null || typeof response.json !== 'object') {
    findings.push({ problem: 'a body that is not a JSON object', evidence: response.text.slice(0, 300) });
    return findings;
  }
  const body = response.json as {
    errors?: { message?: string; extensions?: Record<string, unknown> }[];
    extensions?: unknown;
  };
  for (const error of body.errors ?? []) {
    const text = JSON.stringify(error);
    if (error.extensions?.code === 'INTERNAL') findings.push({ problem: 'INTERNAL', evidence: text });
    for (const what of leaksIn(error)) findings.push({ problem: `an error showing ${what}`, evidence: text });
  }
  for (const what of leaksIn(body.extensions)) {
    findings.push({ problem: `extensions showing ${what}`, evidence: JSON.stringify(body.extensions).slice(0, 300) });
  }
  return findings;
}
