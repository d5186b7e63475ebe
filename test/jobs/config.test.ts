import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

// JOBS and JOB_POLL_SECONDS: which processes run the jobs (app/job-queue.ts, worker.ts).
const SERVER = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/qes' };

describe('job settings', () => {
  it('runs the jobs in-process by default, embedded or on a server', () => {
    expect(loadConfig({}).jobs).toBe('in-process');
    expect(loadConfig(SERVER).jobs).toBe('in-process');
    expect(loadConfig(SERVER).jobPollSeconds).toBe(5);
  });

  it('lets an API instance on a server database leave the jobs to a worker', () => {
    expect(loadConfig({ ...SERVER, JOBS: 'off' }).jobs).toBe('off');
    expect(loadConfig({ ...SERVER, JOBS: ' In-Process ' }).jobs).toBe('in-process');
  });

  it('refuses JOBS=off on the embedded database, where nothing else could run them', () => {
    expect(() => loadConfig({ JOBS: 'off' })).toThrow(ConfigError);
    expect(() => loadConfig({ JOBS: 'off' })).toThrow(/JOBS: off needs DATABASE_URL/);
  });

  it('names the variable of a bad value', () => {
    expect(() => loadConfig({ ...SERVER, JOBS: 'worker' })).toThrow(/JOBS: must be in-process or off/);
    expect(() => loadConfig({ ...SERVER, JOB_POLL_SECONDS: '0' })).toThrow(/JOB_POLL_SECONDS/);
    expect(() => loadConfig({ ...SERVER, JOB_POLL_SECONDS: '46' })).toThrow(/JOB_POLL_SECONDS/);
  });
});
