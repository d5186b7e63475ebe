import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root, ID } from 'type-graphql';
import { onReplica } from '../../db/replicas.js';
import type { RequestContext } from '../../shared/context.js';
import { PageArgsType } from '../../shared/graphql/page-args.js';
import { EnterpriseNameParts } from '../../shared/graphql/reference.types.js';
import type { Money } from '../../shared/graphql/common.types.js';
import { Money as MoneyType } from '../../shared/graphql/common.types.js';
import { IndustryType, industryView } from '../names/index.js';
import { actsFor, canSeeEnterpriseDetails } from './registration.access.js';
import { checkPageSize } from '../../shared/graphql/connection.js';
import { childPage, type ChildList } from '../../shared/graphql/first-pages.js';
import {
  EnterpriseChange,
  RegistrationApplication,
  type BusinessLicence,
  type Enterprise,
} from './registration.entity.js';
import { EnterpriseFilter } from './registration.inputs.js';
import { enterpriseById, validLicenceByEnterpriseId } from './registration.loaders.js';
import * as enterprises from './enterprise.service.js';
import {
  BusinessLicenceType,
  EnterpriseChangeConnection,
  EnterpriseConnection,
  EnterpriseType,
  LicenceFactsType,
  LicenceVerification,
  RegisteredAddress,
  RegistrationApplicationConnection,
  RegistrationDeclaration,
} from './registration.types.js';
import { enterpriseChangeView, licenceFactsView, moneyOrNull, visibleDeclarationView } from './registration.views.js';
import { nameWithheld, visibleName, visibleNameText, type NameHolder } from './withheld-name.js';
import { Reads } from './enterprise-summaries.js';
import { COST } from '../../shared/graphql/cost.js';

@Resolver()
export class EnterpriseResolver {
  @Query(() => EnterpriseType, { nullable: true, description: 'One enterprise by global ID (public facts). Public.' })
  enterprise(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'Global ID.' }) id: string) {
    return onReplica(() => enterprises.findEnterprise(ctx, id));
  }

  @Query(() => EnterpriseType, {
    nullable: true,
    description: 'One enterprise by its unified social credit code; null when none. Public.',
  })
  enterpriseByUscc(
    @Ctx() ctx: RequestContext,
    @Arg('uscc', { description: 'Unified social credit code (18 characters).' }) uscc: string,
  ) {
    return onReplica(() => enterprises.findEnterpriseByUscc(ctx, uscc));
  }

  @Query(() => EnterpriseConnection, {
    complexity: COST.nameSearch,
    description:
      'Search registered enterprises by part of the name or a credit code, district, zone and status; ordered by name (a name withheld pending a forced change counts as the credit code shown instead, for every viewer). Public facts only. Public.',
  })
  enterprises(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
    @Arg('filter', () => EnterpriseFilter, { nullable: true, description: 'Only these.' }) filter?: EnterpriseFilter,
  ) {
    return onReplica(() => enterprises.searchEnterprises(ctx, filter ?? {}, page));
  }

  @Authorized('SCOPE:REGISTRATION_READ', 'OFFICIAL', 'ADMIN')
  @Query(() => EnterpriseConnection, {
    description:
      'The register in bulk, for mirroring it: every enterprise of any status (with its licence, address, capital and other public facts), in a stable order, 100 a page at most. Public facts only. Role: partner API key with REGISTRATION_READ, OFFICIAL, ADMIN.',
  })
  registerEnterprises(@Ctx() ctx: RequestContext, @Args() page: PageArgsType) {
    return enterprises.listRegister(ctx, page);
  }

  @Authorized('APPLICANT')
  @Query(() => EnterpriseConnection, { description: 'The enterprises the viewer acts for, by name. Role: APPLICANT.' })
  myEnterprises(@Ctx() ctx: RequestContext, @Args() page: PageArgsType) {
    return enterprises.listOwnEnterprises(ctx, ctx.viewer.userId!, page);
  }

  @Query(() => LicenceVerification, {
    complexity: COST.licenceVerification,
    description:
      'Whether a business licence verification code is genuine, and what the licence certifies. A forged or altered code is reported as not genuine. Public.',
  })
  verifyBusinessLicence(
    @Ctx() ctx: RequestContext,
    @Arg('verificationCode', { description: 'The code printed on (or encoded in the QR code of) the licence.' })
    verificationCode: string,
  ) {
    return onReplica(() => enterprises.verifyLicence(ctx, verificationCode));
  }
}

// The first page of each enterprise's changes and applications, for a page of enterprises, in one statement each.
const CHANGES: ChildList<EnterpriseChange> = {
  name: 'registration.changesByEnterprise',
  entity: EnterpriseChange,
  parent: 'enterprise',
  orderBy: ['at'],
  direction: 'asc',
};

// The viewer's own applications for the enterprise (drafts included) and those another agent has submitted.
const APPLICATIONS: ChildList<RegistrationApplication> = {
  name: 'registration.applicationsByEnterprise',
  entity: RegistrationApplication,
  parent: 'enterprise',
  orderBy: ['createdAt'],
  direction: 'desc',
  where: (ctx) => ({ sql: 'c.applicant_id = ? or c.first_submitted_at is not null', params: [ctx.viewer.userId] }),
  filter: (ctx) => ({ $or: [{ applicant: ctx.viewer.userId! }, { firstSubmittedAt: { $ne: null } }] }),
};

@Resolver(() => EnterpriseType)
export class EnterpriseFieldsResolver {
  @FieldResolver(() => RegistrationApplicationConnection, {
    nullable: true,
    description:
      "Its registration applications (establishment, changes, deregistration), newest first: the viewer's own, drafts included, and those its other agents have submitted. Only those acting for it; null for others.",
  })
  @Reads('id', 'agentIds')
  registrationApplications(
    @Root() enterprise: Pick<Enterprise, 'id' | 'agentIds'>,
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
  ) {
    const size = checkPageSize(ctx, page.first);
    if (!actsFor(ctx.viewer, enterprise)) return null;
    return childPage(ctx, APPLICATIONS, enterprise.id, page, size);
  }

  @FieldResolver(() => String, {
    description:
      'Name. While a name change is required for a false commitment, the public sees the credit code instead.',
  })
  @Reads('name', 'uscc', 'nameChangeRequiredBy', 'agentIds')
  name(@Root() enterprise: NameHolder, @Ctx() ctx: RequestContext): string {
    return visibleName(ctx, enterprise);
  }

  @FieldResolver(() => EnterpriseNameParts, {
    description: 'The name split into its parts (all null while the name is withheld).',
  })
  @Reads('name', 'nameParts', 'uscc', 'nameChangeRequiredBy', 'agentIds')
  nameParts(
    @Root() enterprise: NameHolder & Pick<Enterprise, 'nameParts'>,
    @Ctx() ctx: RequestContext,
  ): EnterpriseNameParts {
    const parts = nameWithheld(ctx, enterprise) ? null : enterprise.nameParts;
    return {
      administrativeDivision: parts?.administrativeDivision ?? null,
      tradeName: parts?.tradeName ?? null,
      industry: parts?.industry ?? null,
      organisationForm: parts?.organisationForm ?? null,
    };
  }

  @FieldResolver(() => IndustryType, {
    nullable: true,
    description: 'Main industry: GB/T 4754-2017 division code and its name.',
  })
  @Reads('industry')
  industry(@Root() enterprise: Pick<Enterprise, 'industry'>, @Ctx() ctx: RequestContext) {
    return industryView(ctx.locale, enterprise.industry);
  }

  @FieldResolver(() => MoneyType, { nullable: true, description: 'Registered capital.' })
  @Reads('registeredCapitalFen')
  registeredCapital(@Root() enterprise: Pick<Enterprise, 'registeredCapitalFen'>): Money | null {
    return moneyOrNull(enterprise.registeredCapitalFen);
  }

  @FieldResolver(() => String, { nullable: true, description: "Legal representative's name." })
  @Reads('legalRepresentativeName')
  legalRepresentative(@Root() enterprise: Pick<Enterprise, 'legalRepresentativeName'>): string | null {
    return enterprise.legalRepresentativeName;
  }

  @FieldResolver(() => RegisteredAddress, { nullable: true, description: 'Registered address.' })
  registeredAddress(@Root() enterprise: Enterprise): RegisteredAddress | null {
    if (!enterprise.registeredAddress) return null;
    return {
      district: enterprise.district as RegisteredAddress['district'],
      zone: enterprise.zone as RegisteredAddress['zone'],
      address: enterprise.registeredAddress,
      postalCode: enterprise.declaration.registeredAddress?.postalCode ?? null,
      hostingAgreementId: enterprise.declaration.registeredAddress?.hostingAgreementId ?? null,
      hostName: enterprise.declaration.registeredAddress?.hostName ?? null,
    };
  }

  @FieldResolver(() => BusinessLicenceType, { nullable: true, description: 'Current electronic business licence.' })
  @Reads('id')
  licence(@Root() enterprise: Pick<Enterprise, 'id'>, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(validLicenceByEnterpriseId).load(enterprise.id);
  }

  @FieldResolver(() => RegistrationDeclaration, {
    nullable: true,
    description:
      'Every registered and filed item with personal details. Only the applicant acting for it and officials; null for others.',
  })
  declaration(@Root() enterprise: Enterprise, @Ctx() ctx: RequestContext): RegistrationDeclaration | null {
    return canSeeEnterpriseDetails(ctx.viewer, enterprise)
      ? visibleDeclarationView(ctx, enterprise, enterprise.declaration)
      : null;
  }

  @FieldResolver(() => EnterpriseChangeConnection, {
    description:
      'Its confirmed registration steps (establishment, changes, deregistration), oldest first. Personal details are named, never shown. Public.',
  })
  @Reads('id', 'name', 'uscc', 'nameChangeRequiredBy', 'agentIds')
  async changes(
    @Root() enterprise: NameHolder & Pick<Enterprise, 'id'>,
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
  ) {
    const connection = await childPage(ctx, CHANGES, enterprise.id, page, checkPageSize(ctx, page.first));
    return {
      ...connection,
      edges: connection.edges.map((edge) => ({ ...edge, node: enterpriseChangeView(ctx, enterprise, edge.node) })),
    };
  }
}

@Resolver(() => BusinessLicenceType)
export class BusinessLicenceFieldsResolver {
  @FieldResolver(() => LicenceFactsType)
  async facts(@Root() licence: BusinessLicence, @Ctx() ctx: RequestContext): Promise<LicenceFactsType> {
    const enterprise = await ctx.loaders.get(enterpriseById).load(licence.enterprise.id);
    const facts = licenceFactsView(licence.facts);
    return enterprise ? { ...facts, name: visibleNameText(ctx, enterprise, facts.name) } : facts;
  }
}
