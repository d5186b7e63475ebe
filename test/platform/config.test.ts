import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, coresAllowedBy, loadConfig } from '../../src/config.js';

// Settings are read once at start; a bad value stops the process with a message naming the
// variable, never halfway through a request.

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig with nothing set', () => {
  it('gives the embedded defaults', () => {
    expect(loadConfig({})).toMatchObject({
      port: 4000,
      host: '0.0.0.0',
      databaseUrl: null,
      databasePoolSize: 10,
      dataDir: './data',
      migrateOnStart: true,
      demoData: true,
      logLevel: 'info',
      shutdownGraceMs: 10_000,
      sessionTtlHours: 12,
      introspection: true,
      maxQueryCost: 10_000,
      rateLimitPointsPerMinute: 60_000,
      trustProxy: [],
      signInLockout: { failuresPerSource: 5, failuresPerAccount: 50 },
      signingKey: null,
      serveWeb: true,
      publicUrl: null,
    });
  });

  it('treats empty values as not set', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: ' ', DEMO_DATA: '' })).toMatchObject({
      port: 4000,
      databaseUrl: null,
      demoData: true,
    });
  });
});

describe('loadConfig reads', () => {
  it('a PostgreSQL server, which turns the demo data off by default', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://app@db.internal:5432/qes' })).toMatchObject({
      databaseUrl: 'postgres://app@db.internal:5432/qes',
      demoData: false,
    });
  });

  it('numbers, switches and the log level', () => {
    expect(
      loadConfig({ PORT: '8080', DEMO_DATA: 'yes', INTROSPECTION: 'off', LOG_LEVEL: 'debug', SESSION_TTL_HOURS: '24' }),
    ).toMatchObject({ port: 8080, demoData: true, introspection: false, logLevel: 'debug', sessionTtlHours: 24 });
  });
});

describe('loadConfig reads PUBLIC_URL', () => {
  it.each([
    ['https://qes.example.cn', 'https://qes.example.cn'],
    ['https://qes.example.cn/', 'https://qes.example.cn'],
    ['http://10.0.0.5:4000/services/', 'http://10.0.0.5:4000/services'],
  ])('%s as %s', (value, expected) => {
    expect(loadConfig({ PUBLIC_URL: value }).publicUrl).toBe(expected);
  });
});

describe('loadConfig reads TRUST_PROXY', () => {
  it.each([
    ['2', 2],
    ['loopback', ['loopback']],
    ['10.0.0.1, 172.16.0.0/12 ,::1', ['10.0.0.1', '172.16.0.0/12', '::1']],
  ])('%s', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });
});

describe('loadConfig refuses', () => {
  it.each([
    ['PORT', 'eighty', /whole number/],
    ['PORT', '-1', /whole number/],
    ['PORT', '65536', /between 0 and 65535/],
    ['PORT', '80.5', /whole number/],
    ['DATABASE_URL', 'not a url', /not a valid URL/],
    ['DATABASE_URL', 'mysql://root@localhost/qes', /postgres:\/\//],
    ['DATABASE_URL', 'postgres://postgres@127.0.0.1:5432', /must name a database/],
    ['LOG_LEVEL', 'verbose', /one of fatal, error, warn, info, debug, trace, silent/],
    ['DATABASE_POOL_SIZE', '0', /between 1 and 200/],
    ['DEMO_DATA', 'maybe', /true\/false/],
    ['SIGNING_KEY', 'too-short', /at least 32 characters/],
    ['MAX_QUERY_COST', '5', /between 10 and/],
    ['TRUST_PROXY', 'everyone', /number of hops or a list of addresses/],
    ['TRUST_PROXY', '10.0.0.0/99', /number of hops or a list of addresses/],
    ['TRUST_PROXY', '11', /between 0 and 10/],
    ['SIGN_IN_FAILURES_PER_SOURCE', '0', /between 1 and/],
    ['PUBLIC_URL', 'qes.example.cn', /not a valid URL/],
    ['PUBLIC_URL', 'ftp://qes.example.cn', /https:\/\//],
  ])('%s=%s with a ConfigError naming the variable', (variable, value, problem) => {
    const error = configError({ [variable]: value });

    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(`${variable}: `)).toBe(true);
    expect(error.message).toMatch(problem);
  });

  it('a production server without SIGNING_KEY', () => {
    const error = configError({ NODE_ENV: 'production', DATABASE_URL: 'postgres://app@db/qes' });

    expect(error.variable).toBe('SIGNING_KEY');
  });

  it('a database URL without echoing its password', () => {
    const error = configError({ DATABASE_URL: 'mysql://root:s3cret-pw@localhost/qes' });

    expect(error.message).not.toContain('s3cret-pw');
  });

  it('an unknown EVENT_BUS, and a postgres event bus without a database', () => {
    expect(configError({ EVENT_BUS: 'kafka' }).variable).toBe('EVENT_BUS');
    expect(configError({ EVENT_BUS: 'postgres' }).message).toMatch(/needs DATABASE_URL/);
    expect(configError({ EVENT_BUS: 'redis' }).message).toMatch(/needs REDIS_URL/);
  });

  it('a REDIS_URL that is not a redis:// or rediss:// URL', () => {
    expect(configError({ REDIS_URL: 'localhost:6379' }).variable).toBe('REDIS_URL');
    expect(configError({ REDIS_URL: 'http://cache:6379' }).message).toMatch(
      /must start with redis:\/\/ or rediss:\/\//,
    );
  });

  it('several WORKERS without a server database, or with the in-process event bus', () => {
    expect(configError({ WORKERS: '2' }).variable).toBe('WORKERS');
    expect(configError({ DATABASE_URL: 'postgres://app@db/qes', EVENT_BUS: 'memory', WORKERS: '2' }).variable).toBe(
      'EVENT_BUS',
    );
    expect(configError({ DATABASE_URL: 'postgres://app@db/qes', WORKERS: '0' }).variable).toBe('WORKERS');
  });

  it('runs one worker per core (up to 4) with a server database, one embedded, and as many as asked', () => {
    expect(loadConfig({}).workers).toBe(1);
    expect(loadConfig({ DATABASE_URL: 'postgres://app@db/qes' }).workers).toBeLessThanOrEqual(
      Math.min(availableParallelism(), 4),
    );
    expect(loadConfig({ DATABASE_URL: 'postgres://app@db/qes' }).workers).toBeGreaterThanOrEqual(1);
    expect(loadConfig({ DATABASE_URL: 'postgres://app@db/qes', EVENT_BUS: 'memory' }).workers).toBe(1);
    expect(loadConfig({ DATABASE_URL: 'postgres://app@db/qes', WORKERS: '1' }).workers).toBe(1);
    expect(loadConfig({ DATABASE_URL: 'postgres://app@db/qes', WORKERS: '3' }).workers).toBe(3);
    expect(
      configError({ DATABASE_URL: 'postgres://app@db/qes', WORKERS: String(availableParallelism() * 4 + 1) }).variable,
    ).toBe('WORKERS');
  });

  it('counts the cores a container CPU limit allows (cgroup v2 cpu.max)', () => {
    expect(coresAllowedBy('max 100000')).toBeNull();
    expect(coresAllowedBy(null)).toBeNull();
    expect(coresAllowedBy('200000 100000')).toBe(2);
    expect(coresAllowedBy('150000 100000')).toBe(1);
    expect(coresAllowedBy('50000 100000')).toBe(1);
    expect(coresAllowedBy('garbage')).toBeNull();
  });

  it('chooses the event bus from the database: postgres with DATABASE_URL, memory embedded', () => {
    expect(loadConfig({}).eventBus).toBe('memory');
    expect(loadConfig({ DATABASE_URL: 'postgres://app@db/qes' }).eventBus).toBe('postgres');
    expect(loadConfig({ DATABASE_URL: 'postgres://app@db/qes', EVENT_BUS: 'memory' }).eventBus).toBe('memory');
  });

  it('uses Redis for the event bus and the rate-limit counts whenever REDIS_URL is set, else the database', () => {
    const redis = { DATABASE_URL: 'postgres://app@db/qes', REDIS_URL: 'redis://cache:6379/0' };
    expect(loadConfig(redis)).toMatchObject({ eventBus: 'redis', rateLimitStore: 'redis', redisKeyPrefix: 'qes:' });
    expect(loadConfig({ ...redis, EVENT_BUS: 'postgres', REDIS_KEY_PREFIX: 'city:' })).toMatchObject({
      eventBus: 'postgres',
      rateLimitStore: 'redis',
      redisKeyPrefix: 'city:',
    });
    expect(loadConfig({ DATABASE_URL: 'postgres://app@db/qes' }).rateLimitStore).toBe('postgres');
    expect(loadConfig({}).rateLimitStore).toBe('memory');
    expect(loadConfig({ ...redis, WORKERS: '2' }).workers).toBe(2);
  });
});

describe('loadConfig for WebSockets', () => {
  it('caps subscriptions per socket and per credential, and checks credentials every few seconds, by default', () => {
    expect(loadConfig({})).toMatchObject({
      webSocketMaxSubscriptionsPerSocket: 20,
      webSocketMaxSubscriptionsPerCredential: 50,
      webSocketCredentialCheckSeconds: 5,
    });
  });

  it('reads the caps and the check interval', () => {
    expect(
      loadConfig({
        WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '5',
        WS_MAX_SUBSCRIPTIONS_PER_CREDENTIAL: '12',
        WS_CREDENTIAL_CHECK_SECONDS: '30',
      }),
    ).toMatchObject({
      webSocketMaxSubscriptionsPerSocket: 5,
      webSocketMaxSubscriptionsPerCredential: 12,
      webSocketCredentialCheckSeconds: 30,
    });
  });

  it.each([
    ['WS_MAX_SUBSCRIPTIONS_PER_SOCKET', '0'],
    ['WS_MAX_SUBSCRIPTIONS_PER_CREDENTIAL', '0'],
    ['WS_CREDENTIAL_CHECK_SECONDS', '0'],
  ])('refuses %s=%s: no cap of zero, no check without pause', (variable, value) => {
    expect(configError({ [variable]: value }).variable).toBe(variable);
  });
});
