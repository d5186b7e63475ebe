import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config.js';
import type { PlatformDeps } from '../shared/context.js';
import { serializeError } from './errors.js';
import { CalendarCache } from '../shared/calendar/calendar.cache.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { createEventBus } from '../shared/pubsub.js';
import { PostgresEventTarget } from '../shared/pg-event-target.js';
import { createRateLimitStore, type RateLimitBackend } from '../shared/rate-limiter.js';
import { RedisEventTarget } from '../shared/redis-event-target.js';

/** The process's logger; `destination`: where lines go (standard output unless a test captures them). */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      // Every `err` logged anywhere (jobs, HTTP, event bus) loses a database error's statement and values.
      serializers: { err: serializeError },
      // pid: which worker wrote the line when the server runs as several (app/cluster.ts).
      base: { service: 'qingdao-enterprise-services', pid: process.pid },
      // Belt and braces: operations never log variables, but no credential may reach a log line.
      redact: {
        paths: ['*.password', '*.token', '*.secret', '*.authorization', '*.idNumber', 'req.headers.authorization'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/**
 * The signing key: from SIGNING_KEY, or in embedded mode a random one kept in DATA_DIR so that
 * licences issued before a restart still verify after it. Never committed, never logged.
 */
async function signingKey(config: Config): Promise<Buffer> {
  if (config.signingKey) return Buffer.from(config.signingKey, 'utf8');
  const file = resolve(config.dataDir, 'signing-key');
  try {
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64url');
  } catch {
    const key = randomBytes(32);
    await mkdir(resolve(config.dataDir), { recursive: true });
    await writeFile(file, key.toString('base64url'), { mode: 0o600 });
    return key;
  }
}

export async function createPlatformDeps(
  config: Config,
  logger: Logger,
  clock: Clock = systemClock,
): Promise<PlatformDeps> {
  const target =
    config.eventBus === 'redis' && config.redisUrl
      ? await RedisEventTarget.connect(config.redisUrl, config.redisKeyPrefix, logger)
      : config.eventBus === 'postgres' && config.databaseUrl
        ? await PostgresEventTarget.connect(config.databaseUrl, logger)
        : null;
  const rateLimits = await createRateLimitStore(rateLimitBackend(config), logger);
  return {
    config,
    clock,
    logger,
    events: createEventBus(target ?? undefined),
    calendar: new CalendarCache(),
    rateLimits,
    signingKey: await signingKey(config),
    close: async () => {
      await Promise.all([target?.close(), rateLimits.close()]);
    },
  };
}

function rateLimitBackend(config: Config): RateLimitBackend {
  if (config.rateLimitStore === 'redis' && config.redisUrl)
    return { kind: 'redis', url: config.redisUrl, keyPrefix: config.redisKeyPrefix };
  if (config.rateLimitStore === 'postgres' && config.databaseUrl) return { kind: 'postgres', url: config.databaseUrl };
  return { kind: 'memory' };
}
