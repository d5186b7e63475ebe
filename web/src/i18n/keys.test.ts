import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';

// Every literal key the client passes to t('…') exists in both catalogues: a typo or a forgotten
// text shows here, not as a raw key on a page.
const SOURCE = resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === 'gql' ? [] : sources(path);
    return /\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [path] : [];
  });
}

function has(catalogue: unknown, key: string): boolean {
  let node: unknown = catalogue;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

describe('message keys used in the code', () => {
  const keys = new Set<string>();
  for (const file of sources(SOURCE)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z][\w.]*)'/g)) keys.add(match[1]!);
  }

  it('are found', () => {
    expect(keys.size).toBeGreaterThan(100);
  });

  it.each([...keys].sort())('%s exists in Chinese and English', (key) => {
    expect(has(zhCN, key), `zh-CN: ${key}`).toBe(true);
    expect(has(en, key), `en: ${key}`).toBe(true);
  });
});
