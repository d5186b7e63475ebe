import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DriverException } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskError } from '../../src/app/errors.js';
import { createLogger } from '../../src/app/platform.js';
import type { Database } from '../../src/db/orm.js';
import { User } from '../../src/modules/accounts/index.js';
import { hashPassword } from '../../src/modules/accounts/credentials.js';
import { openTestDatabase } from '../helpers/database.js';

// SQL parameters and row values never reach the log, at any level: not in the statements the ORM
// logs at trace level, not in a failed statement, not in a database error logged as an internal error.
// The database is opened as main.ts opens it (the process's logger at trace level, no statement
// counter), and every line the logger writes is captured.

const lines: string[] = [];
const logger = createLogger({ logLevel: 'trace' }, { write: (line: string) => void lines.push(line) });
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase(undefined, logger);
});
afterAll(async () => database?.close());

async function newUser(displayName: string) {
  const email = `logged-${randomUUID().slice(0, 8)}@example.cn`;
  const passwordHash = await hashPassword('Secret-password-42');
  const em = database.orm.em.fork();
  em.create(User, {
    email,
    displayName,
    passwordHash,
    role: 'APPLICANT',
    department: null,
    organisation: null,
    locale: 'ZH_CN',
    foreignInvestor: false,
    createdAt: new Date(),
    disabledAt: null,
  });
  return { em, email, passwordHash };
}

describe('at trace level the log', () => {
  it('shows the statements the ORM runs without their values', async () => {
    lines.length = 0;
    const { em, email, passwordHash } = await newUser('日志测试');

    await em.flush();
    await database.orm.em.fork().findOneOrFail(User, { email });

    const log = lines.join('');
    expect(log).toContain('insert into \\"users\\"');
    expect(log).toContain('from \\"users\\"');
    expect(log).not.toContain(email);
    expect(log).not.toContain(passwordHash);
  });

  it('keeps neither the statement nor the values of a failed write, logged as an internal error', async () => {
    const { em, email, passwordHash } = await newUser('坏\u0000名字');
    const error = await em.flush().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DriverException);
    // The error itself carries them: this is what must not be written.
    expect(String((error as Error).message)).toContain(email);
    lines.length = 0;

    maskError({ message: 'failed' }, error, { locale: 'EN', requestId: 'req-logging-1', logger });
    logger.error({ err: error }, 'a job failed');

    const log = lines.join('');
    expect(lines).toHaveLength(2);
    // What happened stays: the class and the SQLSTATE (08P01: PostgreSQL refuses a NUL byte in the protocol).
    expect(lines.map((line) => JSON.parse(line).err)).toEqual([
      expect.objectContaining({ type: 'DriverException', code: '08P01' }),
      expect.objectContaining({ type: 'DriverException', code: '08P01' }),
    ]);
    expect(log).not.toContain(email);
    expect(log).not.toContain(passwordHash);
    expect(log).not.toContain('insert into');
  });
});
