import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// scripts/schema-check.mjs (run by `npm run lint`): a breaking schema change needs a deprecation first
// or a `Schema-break:` reason. Run as lint runs it, on real schema texts and, for the commit rules,
// in a throw-away git repository.

const SCRIPT = resolve('scripts/schema-check.mjs');

const V1 = `
"""The root."""
type Query {
  """An enterprise by its credit code."""
  enterprise(code: String!): Enterprise
}

"""A registered enterprise."""
type Enterprise {
  """Its name."""
  name: String!
  """Its old name."""
  formerName: String
  """The name in pinyin."""
  pinyinName: String @deprecated(reason: "Use name.")
}
`;

const WITHOUT_FORMER_NAME = V1.replace('  """Its old name."""\n  formerName: String\n', '');
const WITHOUT_PINYIN_NAME = V1.replace(
  '  """The name in pinyin."""\n  pinyinName: String @deprecated(reason: "Use name.")\n',
  '',
);
const WITH_CAPITAL = V1.replace(
  '  name: String!\n',
  '  name: String!\n  """Its registered capital."""\n  capital: Int\n',
);

function run(cwd: string, args: string[] = [], env: Record<string, string> = {}) {
  const { SCHEMA_BREAK_REASON: _ignored, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [SCRIPT, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...inherited, ...env },
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'schema-check-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('schema-check on two schema files', () => {
  function compare(before: string, after: string, extra: string[] = []) {
    writeFileSync(join(dir, 'old.graphql'), before);
    writeFileSync(join(dir, 'new.graphql'), after);
    return run(dir, ['--old', 'old.graphql', '--new', 'new.graphql', ...extra]);
  }

  it('passes a change that only adds a field', () => {
    const { code, output } = compare(V1, WITH_CAPITAL);

    expect(code, output).toBe(0);
  });

  it('fails on removing a field that was not deprecated, naming the field', () => {
    const { code, output } = compare(V1, WITHOUT_FORMER_NAME);

    expect(code).toBe(1);
    expect(output).toContain('Enterprise.formerName');
  });

  it('passes the removal of a field the earlier schema had deprecated', () => {
    const { code, output } = compare(V1, WITHOUT_PINYIN_NAME);

    expect(code, output).toBe(0);
  });

  it('fails on changing the type of a field, even a deprecated one', () => {
    const { code, output } = compare(V1, V1.replace('pinyinName: String', 'pinyinName: Int'));

    expect(code).toBe(1);
    expect(output).toContain('Enterprise.pinyinName');
  });

  it('passes a breaking change given with a reason', () => {
    const { code, output } = compare(V1, WITHOUT_FORMER_NAME, ['--reason', 'never filled in; no partner read it']);

    expect(code, output).toBe(0);
    expect(output).toContain('never filled in');
  });
});

describe('schema-check in a git repository', () => {
  function git(...args: string[]) {
    const result = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(result.stderr);
  }
  function commitSchema(text: string, message: string) {
    writeFileSync(join(dir, 'schema/schema.graphql'), text);
    git('add', 'schema/schema.graphql');
    git('commit', '-q', '-m', message);
  }
  beforeEach(() => {
    mkdirSync(join(dir, 'schema'));
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'test@example.invalid');
    git('config', 'user.name', 'schema-check test');
    commitSchema(V1, 'The first schema');
  });

  it('fails when the last commit that changed the schema broke it without a reason', () => {
    commitSchema(WITHOUT_FORMER_NAME, 'Drop formerName');

    const { code, output } = run(dir);

    expect(code).toBe(1);
    expect(output).toContain('Drop formerName');
    expect(output).toContain('Enterprise.formerName');
  });

  it('passes when that commit gives a Schema-break trailer', () => {
    commitSchema(WITHOUT_FORMER_NAME, 'Drop formerName\n\nSchema-break: never filled in; no partner read it');

    const { code, output } = run(dir);

    expect(code, output).toBe(0);
  });

  it('checks the last commit that changed the schema, not the last commit', () => {
    commitSchema(WITHOUT_FORMER_NAME, 'Drop formerName');
    writeFileSync(join(dir, 'README'), 'later work\n');
    git('add', 'README');
    git('commit', '-q', '-m', 'A later commit that leaves the schema alone');

    const { code } = run(dir);

    expect(code).toBe(1);
  });

  it('with --base, checks every commit since it, not only the last', () => {
    commitSchema(WITHOUT_FORMER_NAME, 'Drop formerName');
    commitSchema(
      WITHOUT_FORMER_NAME.replace('name: String!\n', 'name: String!\n  """Capital."""\n  capital: Int\n'),
      'Add capital',
    );

    expect(run(dir).code).toBe(0);
    const { code, output } = run(dir, ['--base', 'HEAD~2']);

    expect(code).toBe(1);
    expect(output).toContain('Drop formerName');
  });

  it('fails on an uncommitted break unless SCHEMA_BREAK_REASON gives the reason', () => {
    writeFileSync(join(dir, 'schema/schema.graphql'), WITHOUT_FORMER_NAME);

    const refused = run(dir);
    const explained = run(dir, [], { SCHEMA_BREAK_REASON: 'never filled in' });

    expect(refused.code).toBe(1);
    expect(refused.output).toContain('uncommitted');
    expect(explained.code, explained.output).toBe(0);
  });
});
