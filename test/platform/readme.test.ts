import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAIL_DOMAIN, listDemoAccounts, loadDemoData } from '../../src/db/demo/index.js';
import { TestApp } from '../helpers/app.js';
import { ROOT } from '../helpers/server-process.js';

// The README says exactly what a person may run and set: every npm script, every environment variable
// the server reads, and the same demo accounts the startup banner lists (which come from the database
// after the demo data loads, whichever step created them).

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The text of the README section under `heading`, up to the next heading of that level or higher. */
function section(heading: string): string {
  const start = README.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`no "${heading}" section in the README`);
  const level = heading.match(/^#+/)![0].length;
  const rest = README.slice(start + heading.length + 2);
  const end = rest.search(new RegExp(`\\n#{1,${level}} `));
  return end < 0 ? rest : rest.slice(0, end);
}

describe('the README', () => {
  it('names every npm script', () => {
    const scripts = Object.keys(
      (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts,
    );
    const missing = scripts.filter((name) => {
      const command = name === 'start' || name === 'test' ? `npm ${name}` : `npm run ${name}`;
      return !new RegExp(`${command.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w:-])`).test(README);
    });
    expect(missing).toEqual([]);
  });

  it('has a row for every environment variable the server reads', () => {
    const source = readFileSync(join(ROOT, 'src/config.ts'), 'utf8');
    const variables = new Set([...source.matchAll(/env(?:, '|\.|\[')([A-Z][A-Z0-9_]+)/g)].map((match) => match[1]!));
    expect(variables.size).toBeGreaterThan(20);
    const table = section('## Configuration');
    expect([...variables].filter((name) => !table.includes(`| \`${name}\` |`))).toEqual([]);
  });
});

describe('the demo accounts', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
    await loadDemoData(app.orm, app.deps);
  }, 300_000);
  afterAll(async () => app?.stop());

  it('are the ones the README lists', async () => {
    const listed = new Set(
      [...section('## Demo accounts').matchAll(/`([a-z0-9]+@demo\.local)`/g)].map((match) => match[1]!),
    );
    // Numbered accounts are written as a range: `bank3@demo.local` … `bank5@demo.local`.
    for (const range of section('## Demo accounts').matchAll(/`([a-z]+)(\d)@demo\.local` … `[a-z]+(\d)@demo\.local`/g))
      for (let n = Number(range[2]); n <= Number(range[3]); n++) listed.add(`${range[1]}${n}@demo.local`);

    const accounts = await listDemoAccounts(app.orm);

    expect(accounts.every((account) => account.email.endsWith(DEMO_EMAIL_DOMAIN))).toBe(true);
    expect([...listed].sort()).toEqual(accounts.map((account) => account.email).sort());
  });
});
