import { describe, expect, it } from 'vitest';
import { DEFAULT_PROHIBITED_WORDS } from '../../../src/modules/names/data/prohibited-words.js';
import { DEFAULT_SPECIAL_WORDS } from '../../../src/modules/names/data/special-words.js';
import { checkName } from '../../../src/modules/names/rules/check.js';
import { compareNames, conflictKeys } from '../../../src/modules/names/rules/conflicts.js';
import { normaliseName } from '../../../src/modules/names/rules/normalise.js';
import { parseName } from '../../../src/modules/names/rules/parse.js';

const reference = { prohibitedWords: DEFAULT_PROHIBITED_WORDS, specialWords: DEFAULT_SPECIAL_WORDS };
const NAMES = [
  '青岛海川智能科技有限公司',
  '海川（青岛）智能科技有限公司',
  '山东省青岛市市南区海川置业有限公司',
  '海川青岛国际贸易有限公司',
  '青島牛欄山酒業有限公司',
  '青岛海川投资管理合伙企业（有限合伙）',
  '青岛海川智能科技有限公司市南分公司',
  '中国海川软件信息技术股份有限公司',
];

/** Mean milliseconds per call over `rounds` rounds of `NAMES`, after a warm-up round. */
function meanMs(rounds: number, work: (name: string, i: number) => unknown): number {
  NAMES.forEach(work);
  const started = performance.now();
  for (let r = 0; r < rounds; r++) NAMES.forEach(work);
  return (performance.now() - started) / (rounds * NAMES.length);
}

// Measured at about 0.1–0.2 ms per check and 0.01 ms per comparison; the bounds leave room for a
// slow or busy CI machine while still catching an accidental per-call load of the data.
describe('speed', () => {
  it('checks a name (normalise, parse, all rules) in well under a millisecond', () => {
    const ms = meanMs(250, (name) => checkName({ name, kind: 'LIMITED_LIABILITY_COMPANY' }, reference));
    expect(ms).toBeLessThan(1);
  });

  it('compares two names, pinyin included, in well under a millisecond', () => {
    const parsed = NAMES.map((name) => parseName(normaliseName(name)).parts);
    const ms = meanMs(250, (_, i) => {
      const other = parsed[(i + 1) % parsed.length]!;
      compareNames({ ...parsed[i]!, tradeName: `${parsed[i]!.tradeName}湾` }, other);
      return conflictKeys(parsed[i]!);
    });
    expect(ms).toBeLessThan(0.5);
  });
});
