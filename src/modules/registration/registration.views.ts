import { money } from '../../shared/money.js';
import type { Money } from '../../shared/graphql/common.types.js';
import type { Declaration } from './registration.declaration.js';
import type { RequestContext } from '../../shared/context.js';
import type { EnterpriseChange, LicenceFacts } from './registration.entity.js';
import type { EnterpriseChangeType, LicenceFactsType, RegistrationDeclaration } from './registration.types.js';
import { visibleNameText, type NameHolder } from './withheld-name.js';

// Stored documents (jsonb) as the GraphQL types show them: amounts in fen become Money.

export function moneyOrNull(fen: number | null | undefined): Money | null {
  return fen === null || fen === undefined ? null : money(fen);
}

export function declarationView(d: Declaration): RegistrationDeclaration {
  return {
    name: d.name ?? null,
    kind: (d.kind ?? null) as RegistrationDeclaration['kind'],
    industry: null,
    industryCode: d.industry ?? null,
    foreignInvested: d.foreignInvested ?? null,
    businessScope: d.businessScope ?? null,
    registeredAddress: (d.registeredAddress ?? null) as RegistrationDeclaration['registeredAddress'],
    registeredCapital: moneyOrNull(d.registeredCapitalFen),
    legalRepresentative: (d.legalRepresentative ?? null) as RegistrationDeclaration['legalRepresentative'],
    investors: (d.investors ?? []).map((investor) => ({
      ...investor,
      chineseName: investor.chineseName ?? null,
      subscribedCapital: money(investor.subscribedCapitalFen),
    })) as RegistrationDeclaration['investors'],
    articlesOfAssociation: d.articlesOfAssociation ?? null,
    operatingTerm: d.operatingTerm ?? null,
    officers: (d.officers ?? []) as RegistrationDeclaration['officers'],
    liaison: d.liaison ?? null,
    serviceAgent: d.serviceAgent ?? null,
  };
}

/** A declaration as the viewer may read it: the name of its enterprise, while withheld, reads as the credit code. */
export function visibleDeclarationView(
  ctx: RequestContext,
  enterprise: NameHolder | null,
  declaration: Declaration,
): RegistrationDeclaration {
  const view = declarationView(declaration);
  return enterprise ? { ...view, name: visibleNameText(ctx, enterprise, view.name) } : view;
}

export function licenceFactsView(facts: LicenceFacts): LicenceFactsType {
  return {
    licenceNumber: facts.licenceNumber,
    uscc: facts.uscc,
    name: facts.name,
    kind: facts.kind as LicenceFactsType['kind'],
    legalRepresentative: facts.legalRepresentative,
    registeredCapital: moneyOrNull(facts.registeredCapitalFen),
    establishedOn: facts.establishedOn,
    registeredAddress: facts.registeredAddress,
    businessScope: facts.businessScope,
    operatingTermEndsOn: facts.operatingTermEndsOn,
    issuedAt: new Date(facts.issuedAt),
  };
}

/** A step of the public history as the viewer may read it: a withheld name reads as the credit code. */
export function enterpriseChangeView(
  ctx: RequestContext,
  enterprise: NameHolder,
  change: EnterpriseChange,
): EnterpriseChangeType {
  return {
    kind: change.kind as EnterpriseChangeType['kind'],
    at: change.at,
    items: change.items.map((item) =>
      item.item === 'name'
        ? {
            item: item.item,
            before: visibleNameText(ctx, enterprise, item.before),
            after: visibleNameText(ctx, enterprise, item.after),
          }
        : item,
    ),
  };
}
