import type { RegistrationHostedAddressesQuery } from '../../gql/graphql';
import type { DeclarationForm } from '../declarationForm';

export type HostingAgreementOption = RegistrationHostedAddressesQuery['myHostingAgreements']['edges'][number]['node'];

/** The agreements whose hosted address may be the registered address: the ACTIVE ones. */
export function activeHostedAddresses(
  data: RegistrationHostedAddressesQuery | undefined | null,
): HostingAgreementOption[] {
  return data?.myHostingAgreements.edges.map((edge) => edge.node).filter((node) => node.status === 'ACTIVE') ?? [];
}

/** What choosing an agreement ('' for none) changes in the form: the address, district and zone follow it. */
export function chooseHostedAddress(options: HostingAgreementOption[], id: string): Partial<DeclarationForm> {
  const chosen = options.find((option) => option.id === id);
  if (!chosen) return { hostingAgreementId: '' };
  return {
    hostingAgreementId: chosen.id,
    address: chosen.address.address,
    district: chosen.address.district,
    zone: chosen.address.zone,
  };
}
