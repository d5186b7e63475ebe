import type { RequestContext } from '../../shared/context.js';
import { DomainError, UserErrorCode, problem } from '../../shared/errors.js';
import type { Declaration } from './registration.declaration.js';

// A registered address that is a hosted address (住所托管). The hosting module owns the agreements and
// imports this module, so it registers its two functions here instead of being imported (no import circle).

export interface HostedAddressHooks {
  /** At submission and confirmation: the applicant's agreement, still active, and its address and host. */
  requireActive(
    tx: RequestContext,
    agreementGlobalId: string,
    applicantUserId: string,
    field: string[],
  ): Promise<{ agreementId: string; address: string; hostName: string }>;
  /** At confirmation: the agreement now hosts the enterprise. */
  bind(tx: RequestContext, agreementId: string, enterpriseId: string, field: string[]): Promise<void>;
}

let hooks: HostedAddressHooks | null = null;

/** Called once by the hosting module. */
export function useHostedAddresses(registered: HostedAddressHooks): void {
  hooks = registered;
}

export const HOSTING_AGREEMENT_FIELD = ['input', 'declaration', 'registeredAddress', 'hostingAgreementId'];

function requireHooks(field: string[]): HostedAddressHooks {
  if (!hooks) throw new DomainError(problem(UserErrorCode.NOT_ALLOWED, 'registration.hostingUnavailable', field));
  return hooks;
}

/**
 * At submission: when the registered address names a hosting agreement, checks it is the applicant's and
 * active, and returns the declaration whose address text (and host name) are the hosted address's.
 */
export async function withHostedAddress(
  tx: RequestContext,
  declaration: Declaration,
  applicantUserId: string,
): Promise<Declaration> {
  const registered = declaration.registeredAddress;
  if (!registered?.hostingAgreementId) return declaration;
  const found = await requireHooks(HOSTING_AGREEMENT_FIELD).requireActive(
    tx,
    registered.hostingAgreementId,
    applicantUserId,
    HOSTING_AGREEMENT_FIELD,
  );
  return {
    ...declaration,
    registeredAddress: { ...registered, address: found.address, hostName: found.hostName },
  };
}

const CONFIRM_FIELD = ['input', 'id'];

/** At confirmation, before anything is written: the agreement must still be active. Its local id, or null. */
export async function stillActiveHostingAgreement(
  tx: RequestContext,
  declaration: Declaration,
  applicantUserId: string,
): Promise<string | null> {
  const agreementGlobalId = declaration.registeredAddress?.hostingAgreementId;
  if (!agreementGlobalId) return null;
  const found = await requireHooks(CONFIRM_FIELD).requireActive(tx, agreementGlobalId, applicantUserId, CONFIRM_FIELD);
  return found.agreementId;
}

/** At confirmation: the agreement now hosts the (new or changing) enterprise. */
export async function bindHostingAgreement(
  tx: RequestContext,
  agreementId: string,
  enterpriseId: string,
): Promise<void> {
  await requireHooks(CONFIRM_FIELD).bind(tx, agreementId, enterpriseId, CONFIRM_FIELD);
}
