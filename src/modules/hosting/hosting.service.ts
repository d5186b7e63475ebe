import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { recordAudit } from '../../shared/audit/audit.service.js';
import { shanghaiDate } from '../../shared/clock.js';
import type { RequestContext } from '../../shared/context.js';
import { DomainError, UserErrorCode, problem, throwIfProblems, type Problem } from '../../shared/errors.js';
import { validateUscc } from '../../shared/credit-code.js';
import { ZONE_DISTRICT, Zone, type District } from '../../shared/graphql/reference.types.js';
import { notify, notifyEach } from '../../shared/notifications/notification.service.js';
import { inTransaction } from '../../shared/transaction.js';
import { Organisation, User } from '../accounts/index.js';
import { takeReservationForRegistration } from '../names/index.js';
import {
  Enterprise,
  requireEnterpriseActedFor,
  type SimplifiedDeregistrationObstacleCheck,
} from '../registration/index.js';
import {
  isEnterpriseSide,
  isHostAgentOf,
  localIdOrThrow,
  notFoundProblem,
  requireVerifiedHost,
  viewerHost,
} from './hosting.access.js';
import {
  AbnormalOperationsListing,
  DocumentForwarding,
  Host,
  HostedAddress,
  HostingAgreement,
  HostingSettings,
  UnreachableReport,
} from './hosting.entity.js';
import {
  ForwardedDocumentKind,
  HostKind,
  HostStatus,
  HostedAddressStatus,
  HostingAgreementStatus,
  HostingParty,
  UnreachableReportStatus,
} from './hosting.enums.js';
import { publishAgreementUpdated } from './hosting.events.js';
import './hosting.messages.js';

// The rules of 住所托管 (domain-rules §3). Each write runs in one transaction with its audit event and
// notifications; events leave after commit. Capacity is guarded by the address row's lock: every
// change of `occupied` happens under it, and the table's check (occupied <= capacity) backs it up.

const NOTIFY_KIND = {
  host: 'HOSTING_HOST_DECIDED',
  requested: 'HOSTING_REQUESTED',
  decided: 'HOSTING_REQUEST_DECIDED',
  terminated: 'HOSTING_TERMINATED',
  forwarded: 'HOSTING_DOCUMENT_FORWARDED',
  abnormal: 'ABNORMAL_OPERATIONS',
} as const;

const LICENCE = /^[0-9A-Za-z-]{1,50}$/;
const MAX_AREA = 1_000_000;
const MAX_PEOPLE = 100_000;

// --- settings -------------------------------------------------------------------------------------

export async function hostingSettings(ctx: RequestContext): Promise<HostingSettings> {
  const settings = await ctx.em.findOne(HostingSettings, { id: 1 });
  if (!settings) throw new Error('hosting settings are missing: run the migrations');
  return settings;
}

export interface HostingSettingsInput {
  floorAreaPerEnterprise?: number | null;
  enterprisesPerSecretary?: number | null;
  acknowledgeWithinWorkingDays?: number | null;
}

const SETTING_LIMITS: Record<keyof HostingSettingsInput, number> = {
  floorAreaPerEnterprise: 1000,
  enterprisesPerSecretary: 10000,
  acknowledgeWithinWorkingDays: 250,
};

/** ADMIN: changes the host rules or the acknowledgement deadline; figures not given stay. */
export async function updateHostingSettings(
  ctx: RequestContext,
  input: HostingSettingsInput,
): Promise<HostingSettings> {
  const problems: Problem[] = [];
  for (const key of Object.keys(SETTING_LIMITS) as (keyof HostingSettingsInput)[]) {
    const value = input[key];
    if (value === null || value === undefined) continue;
    if (!Number.isInteger(value) || value < 1 || value > SETTING_LIMITS[key]) {
      problems.push(
        problem(UserErrorCode.OUT_OF_RANGE, 'hosting.settingsRange', ['input', key], {
          field: key,
          max: SETTING_LIMITS[key],
        }),
      );
    }
  }
  throwIfProblems(problems);
  return inTransaction(ctx, async (tx) => {
    const settings = await tx.em.findOneOrFail(HostingSettings, { id: 1 }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const before = { ...settings };
    if (input.floorAreaPerEnterprise) settings.floorAreaPerEnterprise = input.floorAreaPerEnterprise;
    if (input.enterprisesPerSecretary) settings.enterprisesPerSecretary = input.enterprisesPerSecretary;
    if (input.acknowledgeWithinWorkingDays) settings.acknowledgeWithinWorkingDays = input.acknowledgeWithinWorkingDays;
    settings.updatedAt = tx.deps.clock.now();
    recordAudit(tx, {
      action: 'hosting.settings.update',
      subjectType: 'HostingSettings',
      subjectId: '00000000-0000-0000-0000-00000000b001',
      details: {
        before: {
          floorAreaPerEnterprise: before.floorAreaPerEnterprise,
          enterprisesPerSecretary: before.enterprisesPerSecretary,
          acknowledgeWithinWorkingDays: before.acknowledgeWithinWorkingDays,
        },
        after: {
          floorAreaPerEnterprise: settings.floorAreaPerEnterprise,
          enterprisesPerSecretary: settings.enterprisesPerSecretary,
          acknowledgeWithinWorkingDays: settings.acknowledgeWithinWorkingDays,
        },
      },
    });
    await tx.em.flush();
    return settings;
  });
}

// --- hosts ----------------------------------------------------------------------------------------

export interface ApplyAsHostInput {
  name: string;
  kind: HostKind;
  licenceNumber: string;
  uscc: string;
  district: District;
  officeFloorArea: number;
  fullTimeSecretaries: number;
}

function countProblem(value: number, max: number, field: string, min = 0): Problem | null {
  return Number.isInteger(value) && value >= min && value <= max
    ? null
    : problem(UserErrorCode.OUT_OF_RANGE, 'error.outOfRange', ['input', field]);
}

/** HOST_AGENT: applies for the agent's firm to become a host (again, after a refusal). */
export async function applyAsHost(ctx: RequestContext, input: ApplyAsHostInput): Promise<Host> {
  const { viewer } = ctx;
  if (!viewer.organisationId) throw new DomainError(problem(UserErrorCode.NOT_ALLOWED, 'hosting.notHostAgent'));
  const problems: Problem[] = [];
  const name = input.name.trim();
  if (!name) problems.push(problem(UserErrorCode.REQUIRED, 'error.required', ['input', 'name']));
  const licenceNumber = input.licenceNumber.trim();
  if (!LICENCE.test(licenceNumber))
    problems.push(problem(UserErrorCode.INVALID_FORMAT, 'hosting.licenceFormat', ['input', 'licenceNumber']));
  const uscc = input.uscc.trim().toUpperCase();
  if (!validateUscc(uscc).valid)
    problems.push(problem(UserErrorCode.INVALID_FORMAT, 'hosting.usccInvalid', ['input', 'uscc']));
  for (const p of [
    countProblem(input.officeFloorArea, MAX_AREA, 'officeFloorArea', 1),
    countProblem(input.fullTimeSecretaries, MAX_PEOPLE, 'fullTimeSecretaries'),
  ])
    if (p) problems.push(p);
  const organisation = await ctx.em.findOne(Organisation, { id: viewer.organisationId });
  if (!organisation) throw new DomainError(problem(UserErrorCode.NOT_ALLOWED, 'hosting.notHostAgent'));
  if (organisation.kind !== input.kind)
    problems.push(problem(UserErrorCode.INVALID_INPUT, 'hosting.kindMismatch', ['input', 'kind']));
  throwIfProblems(problems);
  return inTransaction(ctx, async (tx) => {
    const existing = await viewerHost(tx, true);
    if (existing && existing.status !== HostStatus.REFUSED) {
      throw new DomainError(
        problem(UserErrorCode.ALREADY_EXISTS, 'hosting.hostExists', undefined, { state: existing.status }),
      );
    }
    const now = tx.deps.clock.now();
    // Read before the row (the same object as `existing`) is overwritten below.
    const fromState = existing?.status ?? null;
    const host =
      existing ??
      tx.em.create(Host, {
        organisationId: organisation.id,
        kind: input.kind,
        name,
        licenceNumber,
        uscc,
        district: input.district,
        officeFloorArea: input.officeFloorArea,
        fullTimeSecretaries: input.fullTimeSecretaries,
        appliedById: viewer.userId as string,
        appliedAt: now,
        status: HostStatus.PENDING,
      });
    Object.assign(host, {
      kind: input.kind,
      name,
      licenceNumber,
      uscc,
      district: input.district,
      officeFloorArea: input.officeFloorArea,
      fullTimeSecretaries: input.fullTimeSecretaries,
      status: HostStatus.PENDING,
      appliedById: viewer.userId as string,
      appliedAt: now,
      decidedAt: null,
      decisionReason: null,
    });
    tx.em.persist(host);
    recordAudit(tx, {
      action: 'hosting.host.apply',
      subjectType: 'Host',
      subjectId: host.id,
      fromState,
      toState: HostStatus.PENDING,
    });
    await tx.em.flush();
    return host;
  });
}

async function hostAgents(tx: RequestContext, host: Host): Promise<string[]> {
  const users = await tx.em.find(
    User,
    { organisation: host.organisationId, role: 'HOST_AGENT', disabledAt: null },
    { fields: ['id'] },
  );
  return users.map((u) => u.id);
}

async function decideHost(
  ctx: RequestContext,
  globalId: string,
  from: HostStatus[],
  to: Exclude<HostStatus, HostStatus.PENDING>,
  reason: string | null,
  bodyKey: string,
): Promise<Host> {
  if (reason !== null && !reason.trim()) {
    throw new DomainError(problem(UserErrorCode.REQUIRED, 'hosting.reasonRequired', ['input', 'reason']));
  }
  const id = localIdOrThrow(globalId, 'Host', ['input', 'id']);
  return inTransaction(ctx, async (tx) => {
    const host = await tx.em.findOne(Host, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!host) throw notFoundProblem(['input', 'id']);
    if (!from.includes(host.status)) {
      throw new DomainError(
        problem(UserErrorCode.INVALID_STATE, 'error.invalidState', ['input', 'id'], { state: host.status }),
      );
    }
    const before = host.status;
    host.status = to;
    host.decidedAt = tx.deps.clock.now();
    host.decisionReason = reason?.trim() ?? null;
    // The directory reads the host's status from its addresses.
    await tx.em.nativeUpdate(HostedAddress, { hostId: host.id }, { hostStatus: to });
    recordAudit(tx, {
      action: `hosting.host.${to.toLowerCase() as Lowercase<typeof to>}`,
      subjectType: 'Host',
      subjectId: host.id,
      fromState: before,
      toState: to,
      details: reason ? { reason: host.decisionReason } : undefined,
    });
    for (const userId of await hostAgents(tx, host)) {
      notify(tx, {
        userId,
        kind: NOTIFY_KIND.host,
        subjectType: 'Host',
        subjectId: host.id,
        titleKey: 'hosting.notify.hostDecided.title',
        bodyKey,
        params: { name: host.name, reason: host.decisionReason ?? '' },
      });
    }
    await tx.em.flush();
    return host;
  });
}

/** OFFICIAL (MARKET_REGULATION): verifies a pending host (or reinstates a suspended one). */
export function verifyHost(ctx: RequestContext, id: string): Promise<Host> {
  return decideHost(
    ctx,
    id,
    [HostStatus.PENDING, HostStatus.SUSPENDED],
    HostStatus.VERIFIED,
    null,
    'hosting.notify.hostVerified.body',
  );
}

export function refuseHost(ctx: RequestContext, id: string, reason: string): Promise<Host> {
  return decideHost(ctx, id, [HostStatus.PENDING], HostStatus.REFUSED, reason, 'hosting.notify.hostRefused.body');
}

export function suspendHost(ctx: RequestContext, id: string, reason: string): Promise<Host> {
  return decideHost(ctx, id, [HostStatus.VERIFIED], HostStatus.SUSPENDED, reason, 'hosting.notify.hostSuspended.body');
}

// --- addresses ------------------------------------------------------------------------------------

/** The problems the host rules find with these figures (capacities: the host's other active addresses' total). */
function ruleProblems(
  settings: HostingSettings,
  host: Host,
  floorArea: number,
  capacity: number,
  otherCapacity: number,
): Problem[] {
  const problems: Problem[] = [];
  const maxByArea = Math.floor(floorArea / settings.floorAreaPerEnterprise);
  if (capacity > maxByArea) {
    problems.push(
      problem(UserErrorCode.OUT_OF_RANGE, 'hosting.rule.floorArea', ['input', 'capacity'], {
        perEnterprise: settings.floorAreaPerEnterprise,
        floorArea,
        max: maxByArea,
      }),
    );
  }
  const maxBySecretaries = host.fullTimeSecretaries * settings.enterprisesPerSecretary;
  if (capacity + otherCapacity > maxBySecretaries) {
    problems.push(
      problem(UserErrorCode.OUT_OF_RANGE, 'hosting.rule.secretaries', ['input', 'capacity'], {
        perSecretary: settings.enterprisesPerSecretary,
        secretaries: host.fullTimeSecretaries,
        max: maxBySecretaries,
      }),
    );
  }
  return problems;
}

async function otherActiveCapacity(tx: RequestContext, hostId: string, exceptId: string | null): Promise<number> {
  const rows = await tx.em.find(
    HostedAddress,
    { hostId, status: HostedAddressStatus.ACTIVE, ...(exceptId ? { id: { $ne: exceptId } } : {}) },
    { fields: ['capacity'] },
  );
  return rows.reduce((sum, a) => sum + a.capacity, 0);
}

export interface AddHostedAddressInput {
  address: string;
  district: District;
  zone?: Zone | null;
  floorArea: number;
  capacity: number;
}

function zoneProblem(district: District, zone: Zone): Problem | null {
  return zone !== Zone.NONE && ZONE_DISTRICT[zone] !== district
    ? problem(UserErrorCode.INVALID_INPUT, 'hosting.zoneDistrict', ['input', 'zone'])
    : null;
}

/** HOST_AGENT of a verified host: a new hosted address, within the host rules. */
export async function addHostedAddress(ctx: RequestContext, input: AddHostedAddressInput): Promise<HostedAddress> {
  const zone = input.zone ?? Zone.NONE;
  const address = input.address.trim();
  const problems: Problem[] = [];
  if (!address) problems.push(problem(UserErrorCode.REQUIRED, 'error.required', ['input', 'address']));
  for (const p of [
    countProblem(input.floorArea, MAX_AREA, 'floorArea', 1),
    countProblem(input.capacity, MAX_PEOPLE, 'capacity', 1),
    zoneProblem(input.district, zone),
  ])
    if (p) problems.push(p);
  throwIfProblems(problems);
  return inTransaction(ctx, async (tx) => {
    // The host's row lock serialises its capacity changes, so the secretary rule holds across addresses.
    const host = await requireVerifiedHost(tx, true);
    const settings = await hostingSettings(tx);
    throwIfProblems(
      ruleProblems(settings, host, input.floorArea, input.capacity, await otherActiveCapacity(tx, host.id, null)),
    );
    const row = tx.em.create(HostedAddress, {
      hostId: host.id,
      hostKind: host.kind,
      hostStatus: host.status,
      address,
      district: input.district,
      zone,
      floorArea: input.floorArea,
      capacity: input.capacity,
      occupied: 0,
      status: HostedAddressStatus.ACTIVE,
      createdAt: tx.deps.clock.now(),
    });
    recordAudit(tx, {
      action: 'hosting.address.add',
      subjectType: 'HostedAddress',
      subjectId: row.id,
      toState: HostedAddressStatus.ACTIVE,
      details: { capacity: input.capacity, floorArea: input.floorArea },
    });
    await tx.em.flush();
    return row;
  });
}

export interface UpdateHostedAddressInput {
  id: string;
  address?: string | null;
  floorArea?: number | null;
  capacity?: number | null;
  status?: HostedAddressStatus | null;
}

/** HOST_AGENT: edits an address of the viewer's host; the capacity never drops below the occupancy. */
export async function updateHostedAddress(
  ctx: RequestContext,
  input: UpdateHostedAddressInput,
): Promise<HostedAddress> {
  const id = localIdOrThrow(input.id, 'HostedAddress', ['input', 'id']);
  const problems: Problem[] = [];
  if (input.address !== null && input.address !== undefined && !input.address.trim()) {
    problems.push(problem(UserErrorCode.REQUIRED, 'error.required', ['input', 'address']));
  }
  if (input.floorArea !== null && input.floorArea !== undefined) {
    const p = countProblem(input.floorArea, MAX_AREA, 'floorArea', 1);
    if (p) problems.push(p);
  }
  if (input.capacity !== null && input.capacity !== undefined) {
    const p = countProblem(input.capacity, MAX_PEOPLE, 'capacity', 1);
    if (p) problems.push(p);
  }
  throwIfProblems(problems);
  return inTransaction(ctx, async (tx) => {
    const host = await viewerHost(tx, true);
    if (!host) throw notFoundProblem(['input', 'id']);
    const row = await tx.em.findOne(HostedAddress, { id, hostId: host.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!row) throw notFoundProblem(['input', 'id']);
    const capacity = input.capacity ?? row.capacity;
    const floorArea = input.floorArea ?? row.floorArea;
    const status = input.status ?? row.status;
    if (capacity < row.occupied) {
      throw new DomainError(
        problem(UserErrorCode.OUT_OF_RANGE, 'hosting.capacityBelowOccupancy', ['input', 'capacity'], {
          occupied: row.occupied,
        }),
      );
    }
    if (
      status === HostedAddressStatus.ACTIVE &&
      (capacity > row.capacity || floorArea < row.floorArea || row.status !== status)
    ) {
      const settings = await hostingSettings(tx);
      throwIfProblems(
        ruleProblems(settings, host, floorArea, capacity, await otherActiveCapacity(tx, host.id, row.id)),
      );
    }
    const before = { capacity: row.capacity, floorArea: row.floorArea, status: row.status, address: row.address };
    row.capacity = capacity;
    row.floorArea = floorArea;
    row.status = status;
    if (input.address) row.address = input.address.trim();
    recordAudit(tx, {
      action: 'hosting.address.update',
      subjectType: 'HostedAddress',
      subjectId: row.id,
      fromState: before.status,
      toState: row.status,
      details: { before, after: { capacity, floorArea, status, address: row.address } },
    });
    await tx.em.flush();
    return row;
  });
}

// --- agreements -----------------------------------------------------------------------------------

function addressLabel(address: HostedAddress): string {
  return address.address;
}

export interface RequestHostingInput {
  addressId: string;
  reservationId?: string | null;
  enterpriseId?: string | null;
}

/** APPLICANT: asks a host to host a name it reserved, or an enterprise it acts for, at an address. */
export async function requestHosting(ctx: RequestContext, input: RequestHostingInput): Promise<HostingAgreement> {
  if (!!input.reservationId === !!input.enterpriseId) {
    throw new DomainError(problem(UserErrorCode.INVALID_INPUT, 'hosting.oneSubject', ['input', 'reservationId']));
  }
  const addressId = localIdOrThrow(input.addressId, 'HostedAddress', ['input', 'addressId']);
  try {
    return await inTransaction(ctx, async (tx) => {
      // The subject first: a stranger's enterprise or name answers exactly as one that does not exist.
      let enterpriseId: string | null = null;
      let reservationId: string | null = null;
      let enterpriseName: string;
      if (input.enterpriseId) {
        const enterprise = await requireEnterpriseActedFor(tx, input.enterpriseId, ['input', 'enterpriseId']);
        enterpriseId = enterprise.id;
        enterpriseName = enterprise.name;
      } else {
        const reservation = await takeReservationForRegistration(
          tx,
          input.reservationId as string,
          tx.viewer.userId as string,
          ['input', 'reservationId'],
        );
        reservationId = reservation.id;
        enterpriseName = reservation.name;
      }
      const address = await tx.em.findOne(HostedAddress, { id: addressId });
      if (!address || address.hostStatus === HostStatus.PENDING || address.hostStatus === HostStatus.REFUSED) {
        throw notFoundProblem(['input', 'addressId']);
      }
      if (address.hostStatus !== HostStatus.VERIFIED) {
        throw new DomainError(
          problem(UserErrorCode.INVALID_STATE, 'hosting.hostNotVerified', ['input', 'addressId'], {
            state: address.hostStatus,
          }),
        );
      }
      if (address.status !== HostedAddressStatus.ACTIVE) {
        throw new DomainError(problem(UserErrorCode.INVALID_STATE, 'hosting.addressClosed', ['input', 'addressId']));
      }
      if (address.occupied >= address.capacity) {
        throw new DomainError(problem(UserErrorCode.CAPACITY_REACHED, 'hosting.full', ['input', 'addressId']));
      }
      const open = await tx.em.count(HostingAgreement, {
        ...(enterpriseId ? { enterpriseId } : { reservationId }),
        status: { $in: [HostingAgreementStatus.REQUESTED, HostingAgreementStatus.ACTIVE] },
      });
      if (open > 0) throw alreadyOpen();
      const agreement = tx.em.create(HostingAgreement, {
        addressId: address.id,
        hostId: address.hostId,
        enterpriseId,
        reservationId,
        enterpriseName,
        applicantId: tx.viewer.userId as string,
        status: HostingAgreementStatus.REQUESTED,
        requestedAt: tx.deps.clock.now(),
      });
      recordAudit(tx, {
        action: 'hosting.agreement.request',
        subjectType: 'HostingAgreement',
        subjectId: agreement.id,
        toState: HostingAgreementStatus.REQUESTED,
      });
      const host = await tx.em.findOneOrFail(Host, { id: address.hostId });
      for (const userId of await hostAgents(tx, host)) {
        notify(tx, {
          userId,
          kind: NOTIFY_KIND.requested,
          subjectType: 'HostingAgreement',
          subjectId: agreement.id,
          titleKey: 'hosting.notify.requested.title',
          bodyKey: 'hosting.notify.requested.body',
          params: { enterprise: enterpriseName, address: addressLabel(address) },
        });
      }
      await tx.em.flush();
      publishAgreementUpdated(tx, agreement);
      return agreement;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw alreadyOpen();
    throw error;
  }
}

function alreadyOpen(): DomainError {
  return new DomainError(problem(UserErrorCode.ALREADY_EXISTS, 'hosting.alreadyOpen', ['input']));
}

/** The agreement with its address locked, for a change by the viewer's host; the address lock comes first. */
async function lockForHost(
  tx: RequestContext,
  globalId: string,
): Promise<{ agreement: HostingAgreement; address: HostedAddress; host: Host }> {
  const id = localIdOrThrow(globalId, 'HostingAgreement', ['input', 'id']);
  const host = await viewerHost(tx);
  const peek = host ? await tx.em.findOne(HostingAgreement, { id, hostId: host.id }, { fields: ['addressId'] }) : null;
  if (!host || !peek) throw notFoundProblem(['input', 'id']);
  const address = await tx.em.findOneOrFail(
    HostedAddress,
    { id: peek.addressId },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  const agreement = await tx.em.findOneOrFail(HostingAgreement, { id }, { refresh: true });
  return { agreement, address, host };
}

function requireStatus(agreement: HostingAgreement, status: HostingAgreementStatus): void {
  if (agreement.status !== status) {
    throw new DomainError(
      problem(UserErrorCode.INVALID_STATE, 'error.invalidState', ['input', 'id'], { state: agreement.status }),
    );
  }
}

/** HOST_AGENT: accepts a request: the agreement becomes active and takes a slot, if one is free. */
export async function acceptHostingRequest(ctx: RequestContext, globalId: string): Promise<HostingAgreement> {
  return inTransaction(ctx, async (tx) => {
    const { agreement, address, host } = await lockForHost(tx, globalId);
    requireStatus(agreement, HostingAgreementStatus.REQUESTED);
    if (host.status !== HostStatus.VERIFIED) {
      throw new DomainError(
        problem(UserErrorCode.INVALID_STATE, 'hosting.hostNotVerified', ['input', 'id'], { state: host.status }),
      );
    }
    if (address.status !== HostedAddressStatus.ACTIVE) {
      throw new DomainError(problem(UserErrorCode.INVALID_STATE, 'hosting.addressClosed', ['input', 'id']));
    }
    if (address.occupied >= address.capacity) {
      throw new DomainError(problem(UserErrorCode.CAPACITY_REACHED, 'hosting.full', ['input', 'id']));
    }
    const now = tx.deps.clock.now();
    address.occupied += 1;
    agreement.status = HostingAgreementStatus.ACTIVE;
    agreement.decidedAt = now;
    agreement.startsOn = shanghaiDate(now);
    recordAudit(tx, {
      action: 'hosting.agreement.accept',
      subjectType: 'HostingAgreement',
      subjectId: agreement.id,
      fromState: HostingAgreementStatus.REQUESTED,
      toState: HostingAgreementStatus.ACTIVE,
    });
    notify(tx, {
      userId: agreement.applicantId,
      kind: NOTIFY_KIND.decided,
      subjectType: 'HostingAgreement',
      subjectId: agreement.id,
      titleKey: 'hosting.notify.accepted.title',
      bodyKey: 'hosting.notify.accepted.body',
      params: { enterprise: agreement.enterpriseName, address: addressLabel(address) },
    });
    await tx.em.flush();
    publishAgreementUpdated(tx, agreement);
    return agreement;
  });
}

/** HOST_AGENT: refuses a request, with a reason. */
export async function refuseHostingRequest(
  ctx: RequestContext,
  globalId: string,
  reason: string,
): Promise<HostingAgreement> {
  if (!reason.trim())
    throw new DomainError(problem(UserErrorCode.REQUIRED, 'hosting.reasonRequired', ['input', 'reason']));
  return inTransaction(ctx, async (tx) => {
    const { agreement, address } = await lockForHost(tx, globalId);
    requireStatus(agreement, HostingAgreementStatus.REQUESTED);
    agreement.status = HostingAgreementStatus.REFUSED;
    agreement.decidedAt = tx.deps.clock.now();
    agreement.refusalReason = reason.trim();
    recordAudit(tx, {
      action: 'hosting.agreement.refuse',
      subjectType: 'HostingAgreement',
      subjectId: agreement.id,
      fromState: HostingAgreementStatus.REQUESTED,
      toState: HostingAgreementStatus.REFUSED,
      details: { reason: agreement.refusalReason },
    });
    notify(tx, {
      userId: agreement.applicantId,
      kind: NOTIFY_KIND.decided,
      subjectType: 'HostingAgreement',
      subjectId: agreement.id,
      titleKey: 'hosting.notify.refused.title',
      bodyKey: 'hosting.notify.refused.body',
      params: { enterprise: agreement.enterpriseName, address: addressLabel(address), reason: agreement.refusalReason },
    });
    await tx.em.flush();
    publishAgreementUpdated(tx, agreement);
    return agreement;
  });
}

/** Either side: ends an active agreement with a reason; the slot is freed; the other side is told. */
export async function terminateHosting(
  ctx: RequestContext,
  globalId: string,
  reason: string,
): Promise<HostingAgreement> {
  if (!reason.trim())
    throw new DomainError(problem(UserErrorCode.REQUIRED, 'hosting.reasonRequired', ['input', 'reason']));
  const id = localIdOrThrow(globalId, 'HostingAgreement', ['input', 'id']);
  return inTransaction(ctx, async (tx) => {
    const peek = await tx.em.findOne(HostingAgreement, { id });
    if (!peek) throw notFoundProblem(['input', 'id']);
    const host = await tx.em.findOneOrFail(Host, { id: peek.hostId });
    const byHost = isHostAgentOf(tx.viewer, host);
    if (!byHost && !(await isEnterpriseSide(tx, peek))) throw notFoundProblem(['input', 'id']);
    const address = await tx.em.findOneOrFail(
      HostedAddress,
      { id: peek.addressId },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    const agreement = await tx.em.findOneOrFail(HostingAgreement, { id }, { refresh: true });
    requireStatus(agreement, HostingAgreementStatus.ACTIVE);
    const now = tx.deps.clock.now();
    address.occupied -= 1;
    agreement.status = HostingAgreementStatus.TERMINATED;
    agreement.terminatedAt = now;
    agreement.endsOn = shanghaiDate(now);
    agreement.terminationReason = reason.trim();
    agreement.terminatedBy = byHost ? HostingParty.HOST : HostingParty.ENTERPRISE;
    recordAudit(tx, {
      action: 'hosting.agreement.terminate',
      subjectType: 'HostingAgreement',
      subjectId: agreement.id,
      fromState: HostingAgreementStatus.ACTIVE,
      toState: HostingAgreementStatus.TERMINATED,
      details: { by: agreement.terminatedBy, reason: agreement.terminationReason },
    });
    const params = {
      enterprise: agreement.enterpriseName,
      address: addressLabel(address),
      reason: agreement.terminationReason,
    };
    // The enterprise side always hears that it must register a new address; the host hears when the enterprise ended it.
    const enterpriseUsers = new Set([agreement.applicantId]);
    if (agreement.enterpriseId) {
      const enterprise = await tx.em.findOne(Enterprise, { id: agreement.enterpriseId });
      for (const agentId of enterprise?.agentIds ?? []) enterpriseUsers.add(agentId);
    }
    if (byHost) {
      for (const userId of enterpriseUsers) {
        notify(tx, {
          userId,
          kind: NOTIFY_KIND.terminated,
          subjectType: 'HostingAgreement',
          subjectId: agreement.id,
          titleKey: 'hosting.notify.terminated.title',
          bodyKey: 'hosting.notify.terminatedByHost.body',
          params,
        });
      }
    } else {
      for (const userId of await hostAgents(tx, host)) {
        notify(tx, {
          userId,
          kind: NOTIFY_KIND.terminated,
          subjectType: 'HostingAgreement',
          subjectId: agreement.id,
          titleKey: 'hosting.notify.terminated.title',
          bodyKey: 'hosting.notify.terminatedByEnterprise.body',
          params,
        });
      }
    }
    await tx.em.flush();
    publishAgreementUpdated(tx, agreement);
    return agreement;
  });
}

// --- forwarding log -------------------------------------------------------------------------------

export interface LogDocumentForwardingInput {
  enterpriseId: string;
  sender: string;
  kind: ForwardedDocumentKind;
  receivedOn: string;
  forwardedOn: string;
  trackingNumber?: string | null;
}

/** The active agreement of the viewer's host with this enterprise, or NOT_FOUND "not hosted here". */
async function activeAgreementWith(
  tx: RequestContext,
  host: Host,
  enterpriseGlobalId: string,
): Promise<HostingAgreement> {
  const enterpriseId = localIdOrThrow(enterpriseGlobalId, 'Enterprise', ['input', 'enterpriseId']);
  const agreement = await tx.em.findOne(HostingAgreement, {
    hostId: host.id,
    enterpriseId,
    status: HostingAgreementStatus.ACTIVE,
  });
  if (!agreement)
    throw new DomainError(problem(UserErrorCode.NOT_FOUND, 'hosting.notHostedHere', ['input', 'enterpriseId']));
  return agreement;
}

/** HOST_AGENT: records an item forwarded to an enterprise hosted by the viewer's host. */
export async function logDocumentForwarding(
  ctx: RequestContext,
  input: LogDocumentForwardingInput,
): Promise<DocumentForwarding> {
  const problems: Problem[] = [];
  const sender = input.sender.trim();
  if (!sender) problems.push(problem(UserErrorCode.REQUIRED, 'error.required', ['input', 'sender']));
  const today = shanghaiDate(ctx.deps.clock.now());
  if (input.forwardedOn < input.receivedOn || input.forwardedOn > today) {
    problems.push(problem(UserErrorCode.INVALID_INPUT, 'hosting.dateOrder', ['input', 'forwardedOn']));
  }
  throwIfProblems(problems);
  return inTransaction(ctx, async (tx) => {
    const host = await viewerHost(tx);
    if (!host) throw new DomainError(problem(UserErrorCode.NOT_ALLOWED, 'hosting.noHost'));
    const agreement = await activeAgreementWith(tx, host, input.enterpriseId);
    const settings = await hostingSettings(tx);
    const acknowledgeBy = tx.deps.calendar.current.addWorkingDays(
      input.forwardedOn,
      settings.acknowledgeWithinWorkingDays,
    );
    const row = tx.em.create(DocumentForwarding, {
      agreementId: agreement.id,
      hostId: host.id,
      enterpriseId: agreement.enterpriseId as string,
      sender,
      kind: input.kind,
      receivedOn: input.receivedOn,
      forwardedOn: input.forwardedOn,
      trackingNumber: input.trackingNumber?.trim() || null,
      acknowledgeBy,
      loggedAt: tx.deps.clock.now(),
    });
    recordAudit(tx, {
      action: 'hosting.forwarding.log',
      subjectType: 'DocumentForwarding',
      subjectId: row.id,
      toState: 'FORWARDED',
    });
    const enterprise = await tx.em.findOneOrFail(Enterprise, { id: row.enterpriseId });
    await notifyEach(tx, enterprise.agentIds, {
      kind: NOTIFY_KIND.forwarded,
      subjectType: 'HostingAgreement',
      subjectId: agreement.id,
      titleKey: 'hosting.notify.forwarded.title',
      bodyKey: 'hosting.notify.forwarded.body',
      params: { sender, enterprise: enterprise.name, forwardedOn: input.forwardedOn, acknowledgeBy },
    });
    await tx.em.flush();
    publishAgreementUpdated(tx, agreement);
    return row;
  });
}

/** APPLICANT acting for the enterprise: acknowledges a forwarded item. */
export async function acknowledgeForwarding(ctx: RequestContext, globalId: string): Promise<DocumentForwarding> {
  const id = localIdOrThrow(globalId, 'DocumentForwarding', ['input', 'id']);
  return inTransaction(ctx, async (tx) => {
    const row = await tx.em.findOne(DocumentForwarding, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const enterprise = row ? await tx.em.findOne(Enterprise, { id: row.enterpriseId }) : null;
    if (!row || !enterprise || !tx.viewer.userId || !enterprise.agentIds.includes(tx.viewer.userId)) {
      throw notFoundProblem(['input', 'id']);
    }
    if (row.acknowledgedAt)
      throw new DomainError(problem(UserErrorCode.INVALID_STATE, 'hosting.alreadyAcknowledged', ['input', 'id']));
    row.acknowledgedAt = tx.deps.clock.now();
    row.acknowledgedById = tx.viewer.userId;
    recordAudit(tx, {
      action: 'hosting.forwarding.acknowledge',
      subjectType: 'DocumentForwarding',
      subjectId: row.id,
      fromState: 'FORWARDED',
      toState: 'ACKNOWLEDGED',
    });
    await tx.em.flush();
    const agreement = await tx.em.findOneOrFail(HostingAgreement, { id: row.agreementId });
    publishAgreementUpdated(tx, agreement);
    return row;
  });
}

// --- unreachable enterprises and the abnormal-operations list -------------------------------------

/** HOST_AGENT: reports that a hosted enterprise cannot be reached, with the attempts made. */
export async function reportEnterpriseUnreachable(
  ctx: RequestContext,
  input: { enterpriseId: string; attempts: string },
): Promise<UnreachableReport> {
  const attempts = input.attempts.trim();
  if (!attempts) throw new DomainError(problem(UserErrorCode.REQUIRED, 'error.required', ['input', 'attempts']));
  try {
    return await inTransaction(ctx, async (tx) => {
      const host = await viewerHost(tx);
      if (!host) throw new DomainError(problem(UserErrorCode.NOT_ALLOWED, 'hosting.noHost'));
      const agreement = await activeAgreementWith(tx, host, input.enterpriseId);
      const pending = await tx.em.count(UnreachableReport, {
        enterpriseId: agreement.enterpriseId,
        status: UnreachableReportStatus.PENDING,
      });
      if (pending > 0) throw reportPending();
      const report = tx.em.create(UnreachableReport, {
        hostId: host.id,
        enterpriseId: agreement.enterpriseId as string,
        agreementId: agreement.id,
        attempts,
        reportedById: tx.viewer.userId as string,
        reportedAt: tx.deps.clock.now(),
        status: UnreachableReportStatus.PENDING,
      });
      recordAudit(tx, {
        action: 'hosting.unreachable.report',
        subjectType: 'UnreachableReport',
        subjectId: report.id,
        toState: UnreachableReportStatus.PENDING,
      });
      await tx.em.flush();
      return report;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw reportPending();
    throw error;
  }
}

function reportPending(): DomainError {
  return new DomainError(problem(UserErrorCode.ALREADY_EXISTS, 'hosting.reportPending', ['input', 'enterpriseId']));
}

async function lockPendingReport(tx: RequestContext, globalId: string): Promise<UnreachableReport> {
  const id = localIdOrThrow(globalId, 'UnreachableReport', ['input', 'reportId']);
  const report = await tx.em.findOne(UnreachableReport, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!report) throw notFoundProblem(['input', 'reportId']);
  if (report.status !== UnreachableReportStatus.PENDING) {
    throw new DomainError(
      problem(UserErrorCode.INVALID_STATE, 'error.invalidState', ['input', 'reportId'], { state: report.status }),
    );
  }
  return report;
}

async function notifyEnterpriseAgent(
  tx: RequestContext,
  enterpriseId: string,
  titleKey: string,
  bodyKey: string,
  params: Record<string, string>,
) {
  const enterprise = await tx.em.findOneOrFail(Enterprise, { id: enterpriseId });
  await notifyEach(tx, enterprise.agentIds, {
    kind: NOTIFY_KIND.abnormal,
    subjectType: 'Enterprise',
    subjectId: enterprise.id,
    titleKey,
    bodyKey,
    params: { enterprise: enterprise.name, ...params },
  });
}

/** OFFICIAL (MARKET_REGULATION): lists the reported enterprise on the abnormal-operations list. */
export async function listEnterpriseAsAbnormal(
  ctx: RequestContext,
  input: { reportId: string; reason: string; authority: string },
): Promise<{ report: UnreachableReport; listing: AbnormalOperationsListing }> {
  const problems: Problem[] = [];
  if (!input.reason.trim()) problems.push(problem(UserErrorCode.REQUIRED, 'error.required', ['input', 'reason']));
  if (!input.authority.trim()) problems.push(problem(UserErrorCode.REQUIRED, 'error.required', ['input', 'authority']));
  throwIfProblems(problems);
  try {
    return await inTransaction(ctx, async (tx) => {
      const report = await lockPendingReport(tx, input.reportId);
      const current = await tx.em.count(AbnormalOperationsListing, {
        enterpriseId: report.enterpriseId,
        removedOn: null,
      });
      if (current > 0) throw alreadyListed();
      const now = tx.deps.clock.now();
      report.status = UnreachableReportStatus.LISTED;
      report.decidedAt = now;
      report.decisionNote = input.reason.trim();
      const listing = tx.em.create(AbnormalOperationsListing, {
        enterpriseId: report.enterpriseId,
        reportId: report.id,
        reason: input.reason.trim(),
        listedOn: shanghaiDate(now),
        authority: input.authority.trim(),
      });
      recordAudit(tx, {
        action: 'hosting.unreachable.list',
        subjectType: 'UnreachableReport',
        subjectId: report.id,
        fromState: UnreachableReportStatus.PENDING,
        toState: UnreachableReportStatus.LISTED,
      });
      recordAudit(tx, {
        action: 'hosting.abnormal.list',
        subjectType: 'Enterprise',
        subjectId: report.enterpriseId,
        toState: 'LISTED',
        details: { reason: listing.reason, authority: listing.authority },
      });
      await notifyEnterpriseAgent(
        tx,
        report.enterpriseId,
        'hosting.notify.listed.title',
        'hosting.notify.listed.body',
        {
          reason: listing.reason,
        },
      );
      await tx.em.flush();
      return { report, listing };
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw alreadyListed();
    throw error;
  }
}

function alreadyListed(): DomainError {
  return new DomainError(problem(UserErrorCode.ALREADY_EXISTS, 'hosting.alreadyListed', ['input', 'reportId']));
}

/** OFFICIAL (MARKET_REGULATION): dismisses a report. */
export async function dismissUnreachableReport(
  ctx: RequestContext,
  input: { reportId: string; note: string },
): Promise<UnreachableReport> {
  if (!input.note.trim())
    throw new DomainError(problem(UserErrorCode.REQUIRED, 'hosting.reasonRequired', ['input', 'note']));
  return inTransaction(ctx, async (tx) => {
    const report = await lockPendingReport(tx, input.reportId);
    report.status = UnreachableReportStatus.DISMISSED;
    report.decidedAt = tx.deps.clock.now();
    report.decisionNote = input.note.trim();
    recordAudit(tx, {
      action: 'hosting.unreachable.dismiss',
      subjectType: 'UnreachableReport',
      subjectId: report.id,
      fromState: UnreachableReportStatus.PENDING,
      toState: UnreachableReportStatus.DISMISSED,
      details: { note: report.decisionNote },
    });
    await tx.em.flush();
    return report;
  });
}

/** OFFICIAL (MARKET_REGULATION): takes an enterprise off the list once the cause is cured. */
export async function removeEnterpriseFromAbnormalList(
  ctx: RequestContext,
  input: { enterpriseId: string; reason: string },
): Promise<AbnormalOperationsListing> {
  if (!input.reason.trim())
    throw new DomainError(problem(UserErrorCode.REQUIRED, 'hosting.reasonRequired', ['input', 'reason']));
  const enterpriseId = localIdOrThrow(input.enterpriseId, 'Enterprise', ['input', 'enterpriseId']);
  return inTransaction(ctx, async (tx) => {
    const listing = await tx.em.findOne(
      AbnormalOperationsListing,
      { enterpriseId, removedOn: null },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!listing)
      throw new DomainError(problem(UserErrorCode.INVALID_STATE, 'hosting.notListed', ['input', 'enterpriseId']));
    listing.removedOn = shanghaiDate(tx.deps.clock.now());
    listing.removalReason = input.reason.trim();
    recordAudit(tx, {
      action: 'hosting.abnormal.remove',
      subjectType: 'Enterprise',
      subjectId: enterpriseId,
      fromState: 'LISTED',
      toState: 'REMOVED',
      details: { reason: listing.removalReason },
    });
    await notifyEnterpriseAgent(tx, enterpriseId, 'hosting.notify.removed.title', 'hosting.notify.removed.body', {});
    await tx.em.flush();
    return listing;
  });
}

/** For other modules (registration's simplified deregistration): which of these enterprises are listed now. */
export async function isOnAbnormalOperationsList(
  ctx: RequestContext,
  enterpriseIds: readonly string[],
): Promise<Map<string, boolean>> {
  const result = new Map(enterpriseIds.map((id) => [id, false]));
  if (enterpriseIds.length === 0) return result;
  const rows = await ctx.em.find(
    AbnormalOperationsListing,
    { enterpriseId: { $in: [...enterpriseIds] }, removedOn: null },
    { fields: ['enterpriseId'] },
  );
  for (const row of rows) result.set(row.enterpriseId, true);
  return result;
}

/**
 * For registration: an enterprise on the abnormal-operations list may not deregister by the simplified
 * route (实施细则 Art. 48); the refusal names the listing's date and reason.
 */
export const abnormalListObstacle: SimplifiedDeregistrationObstacleCheck = async (tx, enterpriseId) => {
  const listing = await tx.em.findOne(
    AbnormalOperationsListing,
    { enterpriseId, removedOn: null },
    { orderBy: { listedOn: 'desc' } },
  );
  if (!listing) return [];
  return [
    {
      code: 'ABNORMAL_OPERATIONS_LIST',
      messageKey: 'hosting.simplifiedDeregistrationBarred',
      params: { since: listing.listedOn, reason: listing.reason },
    },
  ];
};

// --- registration integration ---------------------------------------------------------------------

/**
 * For the registration module: the active agreement an application names as its registered address,
 * when the applicant requested it (for the name being registered, or for the enterprise); otherwise a
 * problem on `field`. Returns the address text to register and the agreement's local id.
 */
export async function requireActiveHostedAddress(
  tx: RequestContext,
  agreementGlobalId: string,
  applicantUserId: string,
  field: string[],
): Promise<{ agreementId: string; address: string; hostName: string }> {
  const id = localIdOrThrow(agreementGlobalId, 'HostingAgreement', field);
  const agreement = await tx.em.findOne(
    HostingAgreement,
    { id },
    tx.em.isInTransaction() ? { lockMode: LockMode.PESSIMISTIC_READ } : {},
  );
  if (!agreement || agreement.applicantId !== applicantUserId) throw notFoundProblem(field);
  if (agreement.status !== HostingAgreementStatus.ACTIVE) {
    throw new DomainError(problem(UserErrorCode.INVALID_STATE, 'hosting.agreementNotActive', field));
  }
  const address = await tx.em.findOneOrFail(HostedAddress, { id: agreement.addressId });
  const host = await tx.em.findOneOrFail(Host, { id: agreement.hostId });
  return { agreementId: agreement.id, address: address.address, hostName: host.name };
}

/** For the registration module, at confirmation: the agreement (still active) now hosts the new enterprise. */
export async function bindHostingToEnterprise(
  tx: RequestContext,
  agreementId: string,
  enterpriseId: string,
  field: string[],
): Promise<void> {
  const agreement = await tx.em.findOne(
    HostingAgreement,
    { id: agreementId },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  if (!agreement || agreement.status !== HostingAgreementStatus.ACTIVE) {
    throw new DomainError(problem(UserErrorCode.INVALID_STATE, 'hosting.agreementNotActive', field));
  }
  if (agreement.enterpriseId && agreement.enterpriseId !== enterpriseId) {
    throw new DomainError(problem(UserErrorCode.INVALID_STATE, 'hosting.agreementNotActive', field));
  }
  agreement.enterpriseId = enterpriseId;
  recordAudit(tx, {
    action: 'hosting.agreement.bind',
    subjectType: 'HostingAgreement',
    subjectId: agreement.id,
    fromState: agreement.status,
    toState: agreement.status,
    details: { enterpriseId },
  });
  publishAgreementUpdated(tx, agreement);
}
