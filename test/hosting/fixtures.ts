import 'reflect-metadata';
import { Host, HostedAddress } from '../../src/modules/hosting/index.js';
import { HostStatus } from '../../src/modules/hosting/hosting.enums.js';
import { User } from '../../src/modules/accounts/index.js';
import { toGlobalId } from '../../src/shared/ids.js';
import type { TestApp } from '../helpers/app.js';
import { createOrganisation, createUser, type TestUser } from '../helpers/factories.js';
import { createEnterprise } from '../financing/helpers.js';
import {
  ACCEPT,
  ADD_ADDRESS,
  APPLY,
  LOG_FORWARDING,
  REPORT,
  REQUEST,
  VALID_USCC,
  VERIFY,
  addressInput,
  hostInput,
  ok,
} from './helpers.js';

// Fixtures for the platform tests (permission matrix, cursors): the matrix's one host agent column
// works for a verified host with a roomy address; agreements are made for new enterprises of the
// matrix's applicant, so each call has its own.

/** The host of `agent`'s firm, VERIFIED with many secretaries, created or restored directly. */
export async function ensureVerifiedHost(app: TestApp, agentUserId: string): Promise<Host> {
  const em = app.em();
  const agent = await em.findOneOrFail(User, { id: agentUserId });
  const organisationId = agent.organisation!.id;
  let host = await em.findOne(Host, { organisationId });
  if (!host) {
    host = em.create(Host, {
      organisationId,
      kind: 'LAW_FIRM' as never,
      name: `矩阵测试律师事务所 ${organisationId.slice(0, 6)}`,
      licenceNumber: '13702201010123456',
      uscc: VALID_USCC,
      district: 'SHINAN' as never,
      officeFloorArea: 100_000,
      fullTimeSecretaries: 10_000,
      appliedById: agentUserId,
      appliedAt: app.clock.now(),
      status: HostStatus.VERIFIED,
    });
  }
  host.status = HostStatus.VERIFIED;
  host.fullTimeSecretaries = 10_000;
  host.officeFloorArea = 100_000;
  await em.flush();
  await em.nativeUpdate(HostedAddress, { hostId: host.id }, { hostStatus: HostStatus.VERIFIED });
  return host;
}

/** The firm of `agent` as a REFUSED host (or none), so applyAsHost is allowed. */
export async function ensureMayApply(app: TestApp, agentUserId: string): Promise<void> {
  const host = await ensureVerifiedHost(app, agentUserId);
  await app.em().nativeUpdate(Host, { id: host.id }, { status: HostStatus.REFUSED });
  await app.em().nativeUpdate(HostedAddress, { hostId: host.id }, { hostStatus: HostStatus.REFUSED });
}

/** A new open address of the agent's verified host; its global ID. */
export async function openAddress(
  app: TestApp,
  agentUserId: string,
  agentToken: string,
  capacity = 50,
): Promise<string> {
  await ensureVerifiedHost(app, agentUserId);
  const payload = await ok(app, ADD_ADDRESS, addressInput({ capacity, floorArea: capacity * 2 }), agentToken);
  return payload.address.id;
}

export interface AgreementFixture {
  agreementId: string;
  addressId: string;
  enterpriseId: string;
}

/** A hosting agreement of a new enterprise of `applicant` at a new address of the agent's host; accepted unless `requested`. */
export async function agreementFixture(
  app: TestApp,
  agent: { id: string; token: string },
  applicant: TestUser,
  options: { requested?: boolean } = {},
): Promise<AgreementFixture> {
  const addressId = await openAddress(app, agent.id, agent.token);
  const enterprise = await createEnterprise(app, applicant);
  const enterpriseId = toGlobalId('Enterprise', enterprise.id);
  const { agreement } = await ok(app, REQUEST, { addressId, enterpriseId }, applicant.token);
  if (!options.requested) await ok(app, ACCEPT, { id: agreement.id }, agent.token);
  return { agreementId: agreement.id, addressId, enterpriseId };
}

export async function forwardingFixture(
  app: TestApp,
  agent: { id: string; token: string },
  applicant: TestUser,
): Promise<string> {
  const { enterpriseId } = await agreementFixture(app, agent, applicant);
  const payload = await ok(
    app,
    LOG_FORWARDING,
    {
      enterpriseId,
      sender: '青岛市税务局',
      kind: 'OFFICIAL_DOCUMENT',
      receivedOn: '2026-11-25',
      forwardedOn: '2026-11-26',
      trackingNumber: 'SF1234567890',
    },
    agent.token,
  );
  return payload.forwarding.id;
}

export async function reportFixture(app: TestApp, agent: { id: string; token: string }, applicant: TestUser) {
  const fixture = await agreementFixture(app, agent, applicant);
  const payload = await ok(
    app,
    REPORT,
    { enterpriseId: fixture.enterpriseId, attempts: '电话三次未接通；挂号信退回。' },
    agent.token,
  );
  return { ...fixture, reportId: payload.report.id as string };
}

/** A host application of a new firm, PENDING (or VERIFIED when `verifiedBy` is given); its global ID. */
export async function pendingHost(app: TestApp, verifiedBy?: TestUser): Promise<string> {
  const organisation = await createOrganisation(app, 'LAW_FIRM');
  const agent = await createUser(app, { role: 'HOST_AGENT', organisation });
  const { host } = await ok(app, APPLY, hostInput({ name: organisation.name }), agent.token);
  if (verifiedBy) await ok(app, VERIFY, { id: host.id }, verifiedBy.token);
  return host.id;
}
