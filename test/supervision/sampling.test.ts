import { describe, expect, it } from 'vitest';
import { drawSample, pick, seededRandom } from '../../src/modules/supervision/sampling.js';

// The 双随机 draw is a pure function of the seed, the population and the roster.

const population = Array.from({ length: 200 }, (_, i) => `e-${String(i).padStart(3, '0')}`);
const roster = Array.from({ length: 12 }, (_, i) => `o-${String(i).padStart(2, '0')}`);

describe('the seeded draw', () => {
  it('gives the same sample for the same seed, population and roster, whatever order the rows came in', () => {
    const first = drawSample('2026-Q4-抽查'.replace(/[^\w-]/g, 'x'), population, roster, 20, 2);
    const shuffled = [...population].reverse();
    const again = drawSample('2026-Q4-抽查'.replace(/[^\w-]/g, 'x'), shuffled, [...roster].reverse(), 20, 2);
    expect(again).toEqual(first);
    expect(first).toHaveLength(20);
  });

  it('gives another sample for another seed', () => {
    const a = drawSample('seed-a', population, roster, 20, 2).map((d) => d.enterpriseId);
    const b = drawSample('seed-b', population, roster, 20, 2).map((d) => d.enterpriseId);
    expect(a).not.toEqual(b);
  });

  it('draws distinct enterprises and, for each, distinct inspectors from the roster', () => {
    const drawn = drawSample('distinct', population, roster, 50, 3);
    expect(new Set(drawn.map((d) => d.enterpriseId)).size).toBe(50);
    for (const d of drawn) {
      expect(new Set(d.inspectorIds).size).toBe(3);
      for (const id of d.inspectorIds) expect(roster).toContain(id);
    }
  });

  it('draws the whole population when asked for more than there is', () => {
    const drawn = drawSample('all', population.slice(0, 5), roster, 20, 1);
    expect(drawn.map((d) => d.enterpriseId).sort()).toEqual(population.slice(0, 5));
  });

  it('is a known sequence for a known seed (so a change of algorithm shows here)', () => {
    const random = seededRandom('known');
    const values = Array.from({ length: 3 }, () => random());
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(seededRandom('known')()).toBe(values[0]);
    expect(pick(seededRandom('known'), ['a', 'b', 'c', 'd'], 4).sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('spreads picks evenly: each of 10 items is first about a tenth of the time', () => {
    const counts = new Map<string, number>();
    const items = Array.from({ length: 10 }, (_, i) => String(i));
    for (let s = 0; s < 5000; s++) {
      const [first] = pick(seededRandom(`s${s}`), items, 1);
      counts.set(first!, (counts.get(first!) ?? 0) + 1);
    }
    for (const item of items) {
      expect(counts.get(item)).toBeGreaterThan(400);
      expect(counts.get(item)).toBeLessThan(600);
    }
  });
});
