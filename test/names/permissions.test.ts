import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createApiKeyRow } from '../helpers/accounts.js';
import { createUser } from '../helpers/factories.js';
import { CommitmentTerms } from '../../src/modules/names/names.entity.js';
import { currentTerms } from '../../src/modules/names/reference.service.js';
import { reserveViaApi } from './helpers.js';

// Who may call each names operation is the permission matrix's (test/platform/permission-matrix.ts).
// Here: which callers node(id:) shows a name reservation to, a rule of this type the matrix's node
// row (a registration application) does not express.

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app?.stop());

describe('node(id:) on a name reservation', () => {
  it('shows it to its applicant, market-regulation officials and administrators; null to everyone else', async () => {
    const owner = await createUser(app);
    const terms = (await currentTerms(app.em())) as CommitmentTerms;
    const reserved = await reserveViaApi(app, owner.token, '龘靐海川科技有限公司', {
      commitment: { termsVersion: terms.version, accepted: true, signatoryName: '王海川' },
    });
    expect(reserved.userErrors).toEqual([]);
    const callers = {
      owner: owner.token,
      anonymous: null,
      otherApplicant: (await createUser(app)).token,
      registrar: (await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' })).token,
      taxOfficial: (await createUser(app, { role: 'OFFICIAL', department: 'TAX' })).token,
      bank: (await createUser(app, { role: 'BANK_OFFICER' })).token,
      admin: (await createUser(app, { role: 'ADMIN' })).token,
      partner: (await createApiKeyRow(app, { scopes: ['NAMES_READ'] })).secret,
    };

    const seen: Record<string, boolean> = {};
    for (const [caller, token] of Object.entries(callers)) {
      const result = await app.execute(
        `query($id: ID!) { node(id: $id) { id } }`,
        { id: reserved.reservation!.id },
        { token },
      );
      expect(result.errors).toBeUndefined();
      seen[caller] = result.data?.node !== null;
    }

    expect(seen).toEqual({
      owner: true,
      anonymous: false,
      otherApplicant: false,
      registrar: true,
      taxOfficial: false,
      bank: false,
      admin: true,
      partner: false,
    });
  });
});
