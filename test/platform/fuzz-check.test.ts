import { describe, expect, it } from 'vitest';
import type { HttpResult } from '../helpers/http.js';
import { inspect } from './fuzz/check.js';

// The fuzzer's judge must catch what it is there to catch, and let proper client errors pass.

function response(status: number, body: unknown): HttpResult {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { status, headers: new Headers(), json: typeof body === 'string' ? undefined : body, text };
}

const problemsOf = (status: number, body: unknown) => inspect(response(status, body)).map((finding) => finding.problem);

describe("the fuzzer's response check", () => {
  it('passes data and the errors a client may get', () => {
    expect(problemsOf(200, { data: { viewer: null } })).toEqual([]);
    expect(
      problemsOf(400, {
        errors: [{ message: 'The query is too deep (at most 12 levels).', extensions: { code: 'QUERY_TOO_COMPLEX' } }],
      }),
    ).toEqual([]);
    expect(problemsOf(200, { errors: [{ message: 'Select a file', extensions: { code: 'BAD_USER_INPUT' } }] })).toEqual(
      [],
    );
  });

  it('flags a server error, INTERNAL and a body that is not JSON', () => {
    expect(problemsOf(500, { errors: [{ message: 'x', extensions: { code: 'INTERNAL' } }] })).toEqual([
      'HTTP 500',
      'INTERNAL',
    ]);
    expect(problemsOf(502, '<html>Bad gateway</html>')).toEqual(['HTTP 502', 'a body that is not a JSON object']);
  });

  it('flags SQL, stack frames, file paths and database messages in errors and extensions', () => {
    const leaks = [
      'select "o0".* from "organisations" as "o0"',
      'insert into "users" ("id") values ($1)',
      'TypeError: x\n    at resolve (/work/main/src/app/x.ts:10:5)',
      'at async Promise.all (index 0)',
      'Cannot find module node_modules/pg',
      'relation "organisations" does not exist',
      'duplicate key value violates unique constraint',
      'DriverException from MikroORM',
    ];
    for (const message of leaks) {
      expect(problemsOf(200, { errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] }), message).not.toEqual(
        [],
      );
    }
    expect(
      problemsOf(200, { data: {}, extensions: { debug: 'at Object.<anonymous> (file:///x.js:1:1)' } }),
    ).not.toEqual([]);
  });
});
