import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { describe, expect, it } from 'vitest';
import { LOCAL_VIEW_MS, createRateLimitStore, type RateLimitBackend } from '../../src/shared/rate-limiter.js';
import { deleteRedisKeys } from '../helpers/instances.js';

// The shared rate-limit store when its engine is away: requests are still answered, and the limit
// still holds, counted in this process's memory (the insurance limiter), and the outage is logged.
const redisUrl = process.env.TEST_REDIS_URL;

/** A logger that keeps the messages it is given. */
function recordingLogger() {
  const messages: string[] = [];
  const logger = pino(
    { level: 'warn' },
    { write: (line: string) => void messages.push((JSON.parse(line) as { msg: string }).msg) },
  );
  return { logger, messages };
}

async function consumeUntilRefused(backend: RateLimitBackend) {
  const { logger, messages } = recordingLogger();
  const store = await createRateLimitStore(backend, logger);
  try {
    const limiter = store.limiter({ keyPrefix: `outage-${randomBytes(3).toString('hex')}`, points: 3, duration: 60 });
    const outcomes: string[] = [];
    for (let i = 0; i < 4; i++) {
      outcomes.push(
        await limiter.consume('caller').then(
          () => 'allowed',
          (rejection: unknown) => (rejection instanceof RateLimiterRes ? 'limited' : 'failed'),
        ),
      );
    }
    return { outcomes, messages };
  } finally {
    await store.close();
  }
}

describe('the shared rate-limit store during an outage', () => {
  it('counts in memory when Redis cannot be reached: the limit holds and nothing fails', async () => {
    // Nothing listens on port 1.
    const { outcomes, messages } = await consumeUntilRefused({
      kind: 'redis',
      url: 'redis://127.0.0.1:1',
      keyPrefix: 'x:',
    });
    expect(outcomes).toEqual(['allowed', 'allowed', 'allowed', 'limited']);
    expect(messages).toContain('rate-limit store (Redis) unreachable; counting in memory');
  });

  it('counts in memory when PostgreSQL cannot be reached: the limit holds and nothing fails', async () => {
    const { outcomes, messages } = await consumeUntilRefused({
      kind: 'postgres',
      url: 'postgres://postgres@127.0.0.1:1/postgres',
    });
    expect(outcomes).toEqual(['allowed', 'allowed', 'allowed', 'limited']);
    expect(messages).toContain('rate-limit store (PostgreSQL) unreachable; counting in memory');
  });

  it.runIf(redisUrl)('keeps one count for two stores on one Redis (two instances)', async () => {
    const { logger } = recordingLogger();
    const backend: RateLimitBackend = {
      kind: 'redis',
      url: redisUrl!,
      keyPrefix: `qes-test-${randomBytes(4).toString('hex')}:`,
    };
    const [a, b] = await Promise.all([createRateLimitStore(backend, logger), createRateLimitStore(backend, logger)]);
    try {
      const options = { keyPrefix: 'shared', points: 2, duration: 60 };
      await a.limiter(options).consume('caller');
      await b.limiter(options).consume('caller');
      await expect(a.limiter(options).consume('caller')).rejects.toBeInstanceOf(RateLimiterRes);
    } finally {
      await Promise.all([a.close(), b.close()]);
      await deleteRedisKeys(redisUrl!, (backend as { keyPrefix: string }).keyPrefix);
    }
  });
});

// A limiter asked on every request (the cost budget) counts locally within a share of its limit and writes
// back in the background: one instance stays exact, two admit at most (1 + 2 × share) × the limit, and
// each sees the other's count within LOCAL_VIEW_MS.
describe.runIf(redisUrl)('a shared limiter with a local share', () => {
  const points = 100;
  const options = { keyPrefix: 'budget', points, duration: 60, localShare: 0.1 };
  async function twoInstances() {
    const { logger } = recordingLogger();
    const backend: RateLimitBackend = {
      kind: 'redis',
      url: redisUrl!,
      keyPrefix: `qes-test-${randomBytes(4).toString('hex')}:`,
    };
    const stores = await Promise.all([createRateLimitStore(backend, logger), createRateLimitStore(backend, logger)]);
    return {
      stores,
      close: async () => {
        await Promise.all(stores.map((store) => store.close()));
        await deleteRedisKeys(redisUrl!, backend.keyPrefix);
      },
    };
  }
  const admitted = async (consume: () => Promise<unknown>, times: number) => {
    let n = 0;
    for (let i = 0; i < times; i++)
      await consume().then(
        () => n++,
        (rejection: unknown) => {
          if (!(rejection instanceof RateLimiterRes)) throw rejection;
        },
      );
    return n;
  };
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('is exact for one instance, remaining points included', async () => {
    const { stores, close } = await twoInstances();
    try {
      const limiter = stores[0]!.limiter(options);
      const first = await limiter.consume('caller', 7);
      expect(first.remainingPoints).toBe(93);
      const second = await limiter.consume('caller', 3);
      expect(second.remainingPoints).toBe(90);
      expect(await admitted(() => limiter.consume('caller', 1), 120)).toBe(90);
    } finally {
      await close();
    }
  });

  it('writes what it admitted to the store within LOCAL_VIEW_MS, and the other instance then counts it', async () => {
    const { stores, close } = await twoInstances();
    try {
      const [a, b] = stores.map((store) => store.limiter(options));
      for (let i = 0; i < 6; i++) await a!.consume('caller', 1);
      await pause(LOCAL_VIEW_MS * 3);
      expect((await b!.get('caller'))?.consumedPoints).toBe(6);
      expect((await b!.consume('caller', 1)).remainingPoints).toBe(points - 7);
    } finally {
      await close();
    }
  });

  it('admits at most (1 + 2 × share) × the limit over two instances taking turns', async () => {
    const { stores, close } = await twoInstances();
    try {
      const [a, b] = stores.map((store) => store.limiter(options));
      let total = 0;
      for (let round = 0; round < 40; round++) {
        total += await admitted(() => a!.consume('caller', 1), 3);
        total += await admitted(() => b!.consume('caller', 1), 3);
        if (round % 5 === 0) await pause(LOCAL_VIEW_MS);
      }
      expect(total).toBeGreaterThanOrEqual(points);
      expect(total).toBeLessThanOrEqual(points * (1 + 2 * options.localShare));
      // Once both have written and read back, both refuse.
      await pause(LOCAL_VIEW_MS * 3);
      await expect(a!.consume('caller', 1)).rejects.toBeInstanceOf(RateLimiterRes);
      await expect(b!.consume('caller', 1)).rejects.toBeInstanceOf(RateLimiterRes);
    } finally {
      await close();
    }
  });
});
