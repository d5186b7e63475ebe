import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent } from '../../src/shared/audit/audit.entity.js';
import { TestApp } from '../helpers/app.js';
import { createCast, publishDemand, type Cast } from './helpers.js';

// How long a financing demand stays open is an administrator's setting (it was the deployment's
// FINANCING_DEMAND_VALIDITY_DAYS). A demand takes the period in force when it is published and
// keeps its expiry; bad input is a clear message in both languages and changes nothing.

const UPDATE = /* GraphQL */ `
  mutation ($input: UpdateFinancingSettingsInput!) {
    updateFinancingSettings(input: $input) {
      settings {
        demandValidityDays
        updatedAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;
const SETTINGS = `{ financingSettings { demandValidityDays updatedAt } }`;
const EXPIRES = `query($id: ID!) { financingDemand(id: $id) { expiresAt } }`;

let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await TestApp.start();
  cast = await createCast(app);
});
afterAll(async () => app?.stop());

const expiresAt = async (id: string) =>
  (await app.execute(EXPIRES, { id }, { token: cast.owner.token })).data!.financingDemand.expiresAt;

describe('the validity of a financing demand', () => {
  it('starts at 60 days, and a demand published after a change takes the new period while earlier ones keep theirs', async () => {
    expect((await app.execute(SETTINGS)).data!.financingSettings.demandValidityDays).toBe(60);
    const before = await publishDemand(app, cast.owner, cast.enterpriseId);
    expect(await expiresAt(before)).toBe('2027-01-25T09:00:00.000+08:00');

    const result = await app.execute(UPDATE, { input: { demandValidityDays: 10 } }, { token: cast.admin.token });
    expect(result.data!.updateFinancingSettings.userErrors).toEqual([]);
    expect(result.data!.updateFinancingSettings.settings.demandValidityDays).toBe(10);
    const [event] = await app.em().find(AuditEvent, { action: 'financing.settings.update' });
    expect(event).toMatchObject({ fromState: '60', toState: '10' });

    const after = await publishDemand(app, cast.owner, cast.enterpriseId);
    expect(await expiresAt(after)).toBe('2026-12-06T09:00:00.000+08:00');
    expect(await expiresAt(before)).toBe('2027-01-25T09:00:00.000+08:00');
  });

  it.each([0, 366, -1])('refuses %i days in both languages and changes nothing', async (days) => {
    const before = (await app.execute(SETTINGS)).data;
    const audits = await app.em().count(AuditEvent, { action: 'financing.settings.update' });
    for (const [language, message] of [
      ['zh-CN', '请填写 1 至 365 之间的整数（天）。'],
      ['en', 'Give a whole number of days from 1 to 365.'],
    ]) {
      const result = await app.execute(
        UPDATE,
        { input: { demandValidityDays: days } },
        { token: cast.admin.token, language },
      );
      expect(result.data!.updateFinancingSettings).toEqual({
        settings: null,
        userErrors: [{ code: 'OUT_OF_RANGE', field: ['input', 'demandValidityDays'], message }],
      });
    }
    expect((await app.execute(SETTINGS)).data).toEqual(before);
    expect(await app.em().count(AuditEvent, { action: 'financing.settings.update' })).toBe(audits);
  });
});
