import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { describe, expect, it } from 'vitest';
import { createRateLimitStore, type RateLimitBackend } from '../../src/shared/rate-limiter.js';
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
