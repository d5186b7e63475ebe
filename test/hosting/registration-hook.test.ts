import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindHostingToEnterprise, requireActiveHostedAddress } from '../../src/modules/hosting/index.js';
import { DomainError } from '../../src/shared/errors.js';
import { fromGlobalId, toGlobalId } from '../../src/shared/ids.js';
import { inTransaction } from '../../src/shared/transaction.js';
import { TestApp } from '../helpers/app.js';
import { createRoleUsers, createUser } from '../helpers/factories.js';
import { createEnterprise } from '../financing/helpers.js';
import { reserve } from '../registration/helpers.js';
import { contextFor } from '../names/helpers.js';
import { ACCEPT, REQUEST, TERMINATE, addAddress, ok, verifiedHost } from './helpers.js';

// The two functions the registration module calls when an application names a hosted address:
// the check at submission and the binding at confirmation.

let app: TestApp;
let users: Awaited<ReturnType<typeof createRoleUsers>>;
beforeAll(async () => {
  app = await TestApp.start();
  users = await createRoleUsers(app);
});
afterAll(async () => app?.stop());

async function problemsOf(work: () => Promise<unknown>): Promise<string[]> {
  try {
    await work();
    return [];
  } catch (error) {
    if (error instanceof DomainError) return error.problems.map((p) => p.code);
    throw error;
  }
}

describe('a registration names a hosted address', () => {
  it('an active agreement for the reserved name gives the address; confirmation binds it to the new enterprise', async () => {
    const host = await verifiedHost(app, users.official);
    const address = await addAddress(app, host.agent, { capacity: 2, floorArea: 10 });
    const applicant = await createUser(app);
    const reservation = await reserve(app, applicant);
    const { agreement } = await ok(
      app,
      REQUEST,
      { addressId: address.id, reservationId: toGlobalId('NameReservation', reservation.id) },
      applicant.token,
    );
    await ok(app, ACCEPT, { id: agreement.id }, host.agent.token);
    const ctx = await contextFor(app, applicant.token);
    const found = await requireActiveHostedAddress(ctx, agreement.id, applicant.user.id, [
      'input',
      'hostingAgreementId',
    ]);
    expect(found.address).toBe(address.address);
    const enterprise = await createEnterprise(app, applicant);
    await inTransaction(await contextFor(app, users.official.token), async (tx) => {
      await bindHostingToEnterprise(tx, found.agreementId, enterprise.id, ['input', 'id']);
      await tx.em.flush();
    });
    const read = await app.execute(
      `query($id: ID!) { node(id: $id) { ... on HostingAgreement { enterprise { id } } } }`,
      { id: agreement.id },
      { token: applicant.token },
    );
    expect(read.data!.node.enterprise.id).toBe(toGlobalId('Enterprise', enterprise.id));
    const profile = await app.execute(
      `query($id: ID!) { node(id: $id) { ... on Enterprise { hostedAddress { address host { name kind } } } } }`,
      { id: toGlobalId('Enterprise', enterprise.id) },
    );
    expect(profile.data!.node.hostedAddress).toMatchObject({ address: address.address, host: { kind: 'LAW_FIRM' } });
  });

  it('another applicant’s agreement is NOT_FOUND; a terminated one is INVALID_STATE, at submission and at confirmation', async () => {
    const host = await verifiedHost(app, users.official);
    const address = await addAddress(app, host.agent, { capacity: 2, floorArea: 10 });
    const applicant = await createUser(app);
    const enterpriseId = toGlobalId('Enterprise', (await createEnterprise(app, applicant)).id);
    const { agreement } = await ok(app, REQUEST, { addressId: address.id, enterpriseId }, applicant.token);
    await ok(app, ACCEPT, { id: agreement.id }, host.agent.token);
    const field = ['input', 'hostingAgreementId'];
    expect(
      await problemsOf(async () =>
        requireActiveHostedAddress(await contextFor(app), agreement.id, users.otherApplicant.user.id, field),
      ),
    ).toEqual(['NOT_FOUND']);
    await ok(app, TERMINATE, { id: agreement.id, reason: '迁址' }, applicant.token);
    expect(
      await problemsOf(async () =>
        requireActiveHostedAddress(await contextFor(app), agreement.id, applicant.user.id, field),
      ),
    ).toEqual(['INVALID_STATE']);
    const other = await createEnterprise(app, applicant);
    expect(
      await problemsOf(() =>
        contextFor(app).then((ctx) =>
          inTransaction(ctx, (tx) =>
            bindHostingToEnterprise(tx, fromGlobalId(agreement.id)!.id, other.id, ['input', 'id']),
          ),
        ),
      ),
    ).toEqual(['INVALID_STATE']);
  });
});
