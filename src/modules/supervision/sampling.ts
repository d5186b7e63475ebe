import { createHash } from 'node:crypto';

// 双随机 draws: a small seeded PRNG (sfc32, seeded from SHA-256 of the seed text) so the same seed
// over the same population and roster always gives the same sample, on any machine. Pure functions.

/** A PRNG returning floats in [0, 1), from the seed text. */
export function seededRandom(seed: string): () => number {
  const digest = createHash('sha256').update(seed, 'utf8').digest();
  let a = digest.readUInt32LE(0);
  let b = digest.readUInt32LE(4);
  let c = digest.readUInt32LE(8);
  let d = digest.readUInt32LE(12);
  const next = () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

/** `count` distinct items of `items` in draw order (a partial Fisher–Yates shuffle). */
export function pick<T>(random: () => number, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const n = Math.min(count, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, n);
}

export interface DrawnInspection {
  enterpriseId: string;
  inspectorIds: string[];
}

/**
 * The draw: enterprises from the population (sorted first, so the order rows came in does not
 * matter), then for each, in order, its inspectors from the roster, all from one PRNG stream.
 */
export function drawSample(
  seed: string,
  population: readonly string[],
  roster: readonly string[],
  sampleSize: number,
  inspectorsPerEnterprise: number,
): DrawnInspection[] {
  const random = seededRandom(seed);
  const enterprises = pick(random, [...population].sort(), sampleSize);
  const officials = [...roster].sort();
  return enterprises.map((enterpriseId) => ({
    enterpriseId,
    inspectorIds: pick(random, officials, inspectorsPerEnterprise),
  }));
}
