import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createRoleUsers, createUser, type TestUser } from '../helpers/factories.js';
import {
  ACCEPT,
  REQUEST,
  TERMINATE,
  addAddress,
  nothingWritten as nothingHostingWritten,
  ok,
  verifiedHost,
} from '../hosting/helpers.js';
import {
  COMMITMENT,
  CONFIRM,
  SAVE,
  SUBMIT,
  declaration,
  errorsOf,
  establish,
  gid,
  nothingWritten,
  payloadOf,
  reserve,
  run,
} from './helpers.js';

// A registration application names an active hosted address (住所托管) as its registered address:
// submission takes the hosted address, confirmation checks the agreement again and binds it.

let app: TestApp;
let users: Awaited<ReturnType<typeof createRoleUsers>>;
beforeAll(async () => {
  app = await TestApp.start({ now: '2026-11-26T09:00:00+08:00' });
  users = await createRoleUsers(app);
});
afterAll(async () => app?.stop());

const HOSTED_ADDRESS = '青岛市黄岛区长江中路 216 号 808 室';

/** A verified host, an address in Huangdao, a reservation of a new applicant and the accepted agreement for it. */
async function hostedSetup() {
  const host = await verifiedHost(app, users.official);
  const address = await addAddress(app, host.agent, {
    address: HOSTED_ADDRESS,
    district: 'HUANGDAO',
    capacity: 2,
    floorArea: 10,
  });
  const applicant = await createUser(app);
  const reservation = await reserve(app, applicant);
  const { agreement } = await ok(
    app,
    REQUEST,
    { addressId: address.id, reservationId: gid('NameReservation', reservation.id) },
    applicant.token,
  );
  await ok(app, ACCEPT, { id: agreement.id }, host.agent.token);
  return { host, address, applicant, reservation, agreementId: agreement.id as string };
}

async function draft(applicant: TestUser, reservationId: string, agreementId: string): Promise<string> {
  const payload = payloadOf(
    await run(
      app,
      SAVE,
      {
        input: {
          kind: 'ESTABLISHMENT',
          nameReservationId: gid('NameReservation', reservationId),
          declaration: declaration({
            registeredAddress: {
              district: 'HUANGDAO',
              zone: 'NONE',
              address: '（托管地址）',
              hostingAgreementId: agreementId,
            },
          }),
        },
      },
      applicant,
    ),
  );
  expect(payload.userErrors).toEqual([]);
  return payload.application.id;
}

const DECLARED = /* GraphQL */ `
  query ($id: ID!) {
    node(id: $id) {
      ... on RegistrationApplication {
        declaration {
          registeredAddress {
            address
            hostingAgreementId
            hostName
          }
        }
      }
    }
  }
`;

describe('a hosted address as the registered address', () => {
  it('submission takes the hosted address; confirmation binds the agreement and the enterprise shows its host', async () => {
    const { host, applicant, reservation, agreementId } = await hostedSetup();
    const id = await draft(applicant, reservation.id, agreementId);
    const submitted = payloadOf(await run(app, SUBMIT, { input: { id, commitment: COMMITMENT } }, applicant));
    expect(submitted.userErrors).toEqual([]);
    const declared = await run(app, DECLARED, { id }, users.official);
    const hostName = (
      await run(app, `query($id: ID!) { node(id: $id) { ... on Host { name } } }`, { id: host.hostId }, users.official)
    ).node.name;
    expect(declared.node.declaration.registeredAddress).toEqual({
      address: HOSTED_ADDRESS,
      hostingAgreementId: agreementId,
      hostName,
    });

    const confirmed = payloadOf(await run(app, CONFIRM, { input: { id, note: '予以确认。' } }, users.official));
    expect(confirmed.userErrors).toEqual([]);
    const enterpriseId = confirmed.application.enterprise.id;
    const profile = await run(
      app,
      `query($id: ID!) { node(id: $id) { ... on Enterprise { registeredAddress { address hostName } hostedAddress { address host { name kind } } } } }`,
      { id: enterpriseId },
      users.official,
    );
    expect(profile.node).toEqual({
      registeredAddress: { address: HOSTED_ADDRESS, hostName },
      hostedAddress: { address: HOSTED_ADDRESS, host: { name: hostName, kind: 'LAW_FIRM' } },
    });
    const agreement = await run(
      app,
      `query($id: ID!) { node(id: $id) { ... on HostingAgreement { status enterprise { id } } } }`,
      { id: agreementId },
      applicant,
    );
    expect(agreement.node).toEqual({ status: 'ACTIVE', enterprise: { id: enterpriseId } });
  });

  it('a terminated agreement at submission is a UserError and nothing is written', async () => {
    const { applicant, reservation, agreementId } = await hostedSetup();
    const id = await draft(applicant, reservation.id, agreementId);
    await ok(app, TERMINATE, { id: agreementId, reason: '迁址' }, applicant.token);
    const data = await nothingWritten(app, () =>
      run(app, SUBMIT, { input: { id, commitment: COMMITMENT } }, applicant),
    );
    expect(errorsOf(data)).toEqual([
      { code: 'INVALID_STATE', field: ['input', 'declaration', 'registeredAddress', 'hostingAgreementId'] },
    ]);
    expect(payloadOf(data).application).toBeNull();
  });

  it('another applicant’s agreement is NOT_FOUND at submission', async () => {
    const { agreementId } = await hostedSetup();
    const other = await createUser(app);
    const reservation = await reserve(app, other);
    const id = await draft(other, reservation.id, agreementId);
    const data = await nothingWritten(app, () => run(app, SUBMIT, { input: { id, commitment: COMMITMENT } }, other));
    expect(errorsOf(data)).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'declaration', 'registeredAddress', 'hostingAgreementId'] },
    ]);
  });

  it('an agreement terminated between submission and confirmation refuses confirmation', async () => {
    const { applicant, reservation, agreementId } = await hostedSetup();
    const id = await draft(applicant, reservation.id, agreementId);
    expect(errorsOf(await run(app, SUBMIT, { input: { id, commitment: COMMITMENT } }, applicant))).toEqual([]);
    await ok(app, TERMINATE, { id: agreementId, reason: '迁址' }, applicant.token);
    const data = await nothingHostingWritten(app, () =>
      nothingWritten(app, () => run(app, CONFIRM, { input: { id, note: '予以确认。' } }, users.official, 'en')),
    );
    const { userErrors } = payloadOf(data);
    expect(userErrors.map(({ code, field }) => ({ code, field }))).toEqual([
      { code: 'INVALID_STATE', field: ['input', 'id'] },
    ]);
    expect(userErrors[0]!.message).toMatch(/agreement/i);
    const status = await run(
      app,
      `query($id: ID!) { node(id: $id) { ... on RegistrationApplication { status enterprise { id } } } }`,
      { id },
      users.official,
    );
    expect(status.node).toEqual({ status: 'SUBMITTED', enterprise: null });
  });
});

describe('a change of registered address to a hosted address', () => {
  it('takes the hosted address at submission and binds the agreement to the changing enterprise at confirmation', async () => {
    const host = await verifiedHost(app, users.official);
    const address = await addAddress(app, host.agent, {
      address: HOSTED_ADDRESS,
      district: 'HUANGDAO',
      capacity: 2,
      floorArea: 10,
    });
    const applicant = await createUser(app);
    const established = await establish(app, applicant, users.official);
    const enterpriseId = established.enterprise.id as string;
    const { agreement } = await ok(app, REQUEST, { addressId: address.id, enterpriseId }, applicant.token);
    await ok(app, ACCEPT, { id: agreement.id }, host.agent.token);
    const saved = payloadOf(
      await run(
        app,
        SAVE,
        {
          input: {
            kind: 'CHANGE',
            enterpriseId,
            changeDecidedOn: '2026-11-25',
            declaration: declaration({
              registeredAddress: { district: 'HUANGDAO', zone: 'NONE', address: '-', hostingAgreementId: agreement.id },
            }),
          },
        },
        applicant,
      ),
    );
    expect(saved.userErrors).toEqual([]);
    const id = saved.application.id;
    expect(errorsOf(await run(app, SUBMIT, { input: { id, commitment: COMMITMENT } }, applicant))).toEqual([]);
    expect(errorsOf(await run(app, CONFIRM, { input: { id, note: '予以确认。' } }, users.official))).toEqual([]);
    const profile = await run(
      app,
      `query($id: ID!) { node(id: $id) { ... on Enterprise { registeredAddress { address hostingAgreementId } hostedAddress { address } } } }`,
      { id: enterpriseId },
      users.official,
    );
    expect(profile.node).toEqual({
      registeredAddress: { address: HOSTED_ADDRESS, hostingAgreementId: agreement.id },
      hostedAddress: { address: HOSTED_ADDRESS },
    });
  });
});
