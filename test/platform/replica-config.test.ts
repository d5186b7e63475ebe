import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { lagOf } from '../../src/db/replicas.js';

// DATABASE_REPLICA_URLS and REPLICA_MAX_LAG_MS (read once at start), and how a replica's lag is judged
// from the primary's WAL positions (the replica itself is exercised in read-replicas.test.ts).

const PRIMARY = 'postgres://app@db.internal:5432/qes';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig reads the read replicas', () => {
  it('none, and a 2-second lag bound, by default', () => {
    expect(loadConfig({ DATABASE_URL: PRIMARY })).toMatchObject({ databaseReplicaUrls: [], replicaMaxLagMs: 2000 });
  });

  it('a comma-separated list and the lag bound', () => {
    expect(
      loadConfig({
        DATABASE_URL: PRIMARY,
        DATABASE_REPLICA_URLS: ' postgres://app@replica-1/qes, postgresql://app@replica-2:5433/qes ,',
        REPLICA_MAX_LAG_MS: '500',
      }),
    ).toMatchObject({
      databaseReplicaUrls: ['postgres://app@replica-1/qes', 'postgresql://app@replica-2:5433/qes'],
      replicaMaxLagMs: 500,
    });
  });

  it.each([
    [{ DATABASE_REPLICA_URLS: 'postgres://app@replica/qes' }, /need DATABASE_URL/],
    [{ DATABASE_URL: PRIMARY, DATABASE_REPLICA_URLS: 'replica:5432' }, /postgres:\/\//],
    [{ DATABASE_URL: PRIMARY, DATABASE_REPLICA_URLS: 'not a url' }, /not a valid URL/],
    [{ DATABASE_URL: PRIMARY, DATABASE_REPLICA_URLS: 'postgres://app@replica' }, /must name a database/],
  ])('and refuses %o', (env, problem) => {
    const error = configError(env);
    expect(error.variable).toBe('DATABASE_REPLICA_URLS');
    expect(error.message).toMatch(problem);
  });

  it('refuses a lag bound that is not a number of milliseconds', () => {
    expect(configError({ DATABASE_URL: PRIMARY, REPLICA_MAX_LAG_MS: 'soon' }).variable).toBe('REPLICA_MAX_LAG_MS');
    expect(configError({ DATABASE_URL: PRIMARY, REPLICA_MAX_LAG_MS: '0' }).message).toMatch(/between 10 and/);
  });

  it('does not echo a replica password', () => {
    const error = configError({ DATABASE_URL: PRIMARY, DATABASE_REPLICA_URLS: 'mysql://app:s3cret-pw@replica/qes' });
    expect(error.message).not.toContain('s3cret-pw');
  });
});

describe('lagOf', () => {
  const samples = [
    { at: 1000, lsn: 100n },
    { at: 2000, lsn: 100n },
    { at: 3000, lsn: 250n },
    { at: 4000, lsn: 300n },
  ];

  it('is none for a replica that has everything the primary had at the last check, however quiet the primary', () => {
    expect(lagOf(300n, samples, 4000)).toBe(0);
    expect(lagOf(300n, [{ at: 0, lsn: 300n }], 60_000)).toBe(0);
  });

  it('is the age of the latest check whose WAL position the replica has replayed', () => {
    expect(lagOf(299n, samples, 4000)).toBe(1000);
    expect(lagOf(250n, samples, 4500)).toBe(1500);
    expect(lagOf(120n, samples, 4000)).toBe(2000);
  });

  it('is beyond any bound for a replica behind every position kept', () => {
    expect(lagOf(99n, samples, 4000)).toBe(Infinity);
  });
});
