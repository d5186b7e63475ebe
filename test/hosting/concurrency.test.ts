import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId, toGlobalId } from '../../src/shared/ids.js';
import { HostedAddress, HostingAgreement } from '../../src/modules/hosting/index.js';
import { HostingAgreementStatus } from '../../src/modules/hosting/hosting.enums.js';
import { TestApp } from '../helpers/app.js';
import { bearer, postGraphql } from '../helpers/http.js';
import { createRoleUsers, createUser } from '../helpers/factories.js';
import { createEnterprise } from '../financing/helpers.js';
import { ACCEPT, REQUEST, addAddress, ok, verifiedHost } from './helpers.js';

// Simultaneous requests over real HTTP. On the PostgreSQL server (TEST_DATABASE_URL) they run on
// separate connections and meet at the address row's lock; on the embedded database they queue.

let app: TestApp;
beforeAll(async () => {
  // 200 acceptances from one agent within a second: far beyond a person's budget per minute.
  app = await TestApp.start({ config: { rateLimitPointsPerMinute: 100_000_000 } });
});
afterAll(async () => app?.stop());

describe('capacity is never exceeded', () => {
  it('200 acceptances at once of 200 requests for the last free slot give exactly one agreement', async () => {
    const users = await createRoleUsers(app);
    const host = await verifiedHost(app, users.official, { secretaries: 10 });
    const address = await addAddress(app, host.agent, { capacity: 200, floorArea: 400 });
    // 199 slots taken, one left; 200 requests waiting (rows written directly: only the acceptances are under test).
    const applicant = await createUser(app);
    const em = app.em();
    const addressId = fromGlobalId(address.id)!.id;
    await em.nativeUpdate(HostedAddress, { id: addressId }, { occupied: 199 });
    const rows = Array.from({ length: 200 }, (_, i) =>
      em.create(HostingAgreement, {
        addressId,
        hostId: fromGlobalId(host.hostId)!.id,
        enterpriseName: `青岛并发${i}科技有限公司`,
        applicantId: applicant.user.id,
        status: HostingAgreementStatus.REQUESTED,
        requestedAt: app.clock.now(),
      }),
    );
    await em.flush();
    const requests = rows.map((row) => toGlobalId('HostingAgreement', row.id));
    const results = await Promise.all(
      requests.map((id) =>
        postGraphql(app, { query: ACCEPT, variables: { input: { id } } }, bearer(host.agent.token), 120_000),
      ),
    );
    const outcomes = results.map((r) => {
      expect(r.status).toBe(200);
      const payload = r.json.data.acceptHostingRequest;
      return payload.userErrors.map((e: { code: string }) => e.code).join() || 'OK';
    });
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'CAPACITY_REACHED')).toHaveLength(199);
    const [row] = await app
      .em()
      .getConnection()
      .execute(
        `select a.capacity, a.occupied, (select count(*)::int from hosting_agreements g where g.address_id = a.id and g.status = 'ACTIVE') as active
         from hosted_addresses a where a.id = ?`,
        [fromGlobalId(address.id)!.id],
      );
    expect(row).toMatchObject({ capacity: 200, occupied: 200, active: 1 });
  }, 300_000);

  it('the same request accepted twice at once: one acceptance, one INVALID_STATE', async () => {
    const users = await createRoleUsers(app);
    const host = await verifiedHost(app, users.official);
    const address = await addAddress(app, host.agent, { capacity: 5, floorArea: 20 });
    const enterpriseId = toGlobalId('Enterprise', (await createEnterprise(app, users.applicant)).id);
    const { agreement } = await ok(app, REQUEST, { addressId: address.id, enterpriseId }, users.applicant.token);
    const results = await Promise.all(
      [1, 2].map(() =>
        postGraphql(app, { query: ACCEPT, variables: { input: { id: agreement.id } } }, bearer(host.agent.token)),
      ),
    );
    const codes = results
      .map((r) => r.json.data.acceptHostingRequest.userErrors.map((e: { code: string }) => e.code).join() || 'OK')
      .sort();
    expect(codes).toEqual(['INVALID_STATE', 'OK']);
  });
});
