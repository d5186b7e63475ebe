import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { Money, UserError } from '../../shared/graphql/common.types.js';
import { ConnectionType } from '../../shared/graphql/connection.js';
import { Node } from '../../shared/graphql/node.js';
import { District } from '../../shared/graphql/reference.types.js';
import { DateScalar, DecimalScalar } from '../../shared/graphql/scalars.js';
import { IndustryType } from '../names/index.js';
import {
  effectiveDemandEndedAt,
  effectiveDemandStatus,
  effectiveOfferDecidedAt,
  effectiveOfferStatus,
} from './financing.expiry.js';
import {
  CreditProductAudience,
  CreditProductStatus,
  FinancingDemandStatus,
  FinancingOfferStatus,
  FinancingPurpose,
  GuaranteeType,
} from './financing.enums.js';
import { ReadModel, Reads, ViewField, industryOf, instant, money, rate } from './financing.view.js';

// The financing object types, and their read model: each field declares the SQL it reads
// (financing.view.ts), and the rows of that SQL are the objects the API serves, so simple fields
// resolve without any wrapper (simpleResolvers). Aliases: d demand, o offer (with its demand d), p product.

@ObjectType('ContactPerson', {
  simpleResolvers: true,
  description:
    "The enterprise's contact person for a demand. Shown to the enterprise itself, and to a bank only once the enterprise accepted its offer or consented to share contact data.",
})
export class ContactPersonType {
  @Field({ description: 'Name.' })
  name!: string;

  @Field({ description: 'Telephone number.' })
  phone!: string;

  @Field(() => String, { nullable: true, description: 'Email address.' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Resident identity card number, when the enterprise gave one.' })
  idNumber!: string | null;
}

@ReadModel({
  key: 'd.id',
  resolvedBy: {
    enterprise: ['enterpriseId'],
    // financing.access.ts canSeeContact: the consent, the accepted bank, or acting for the enterprise.
    contact: ['contactConsent', 'acceptedBankId', 'enterpriseId'],
    // financing.access.ts offerScope: acting for the enterprise.
    offers: ['enterpriseId'],
  },
})
@ObjectType('FinancingDemand', {
  implements: Node,
  simpleResolvers: true,
  description:
    'A financing demand an enterprise published on 金企通. Banks see it while it is open (and afterwards when they made an offer on it) without the contact person unless allowed; officials and partner systems see the same masked view.',
})
export class FinancingDemandType extends Node {
  @ViewField('d.number', { description: 'Human-facing number, e.g. RZ2026000123.' })
  number!: string;

  @ViewField('d.district', () => District, { description: 'District of the enterprise when the demand was published.' })
  district!: District;

  @Field(() => IndustryType, {
    description: 'Industry of the enterprise when the demand was published (GB/T 4754-2017 division).',
  })
  @Reads('d.industry', (code: string, ctx) => industryOf(code, ctx.locale))
  industry!: IndustryType;

  @ViewField('d.foreign_invested', {
    description: 'Whether the enterprise was foreign-invested when the demand was published.',
  })
  foreignInvested!: boolean;

  @ViewField(money('d.amount_fen'), () => Money, { description: 'The amount asked for.' })
  amount!: Money;

  @ViewField('d.term_months', () => Int, { description: 'Term in months.' })
  termMonths!: number;

  @ViewField('d.purpose', () => FinancingPurpose, { description: 'What the money is for.' })
  purpose!: FinancingPurpose;

  @ViewField('d.guarantee_type', () => GuaranteeType, { description: 'How the enterprise can secure the loan.' })
  guaranteeType!: GuaranteeType;

  @ViewField('d.collateral', () => String, {
    nullable: true,
    description: 'Description of the collateral offered, if any.',
  })
  collateral!: string | null;

  @ViewField(rate('d.max_annual_rate'), () => DecimalScalar, {
    nullable: true,
    description: 'Highest annual rate the enterprise accepts, in percent, e.g. "4.35".',
  })
  maxAnnualRate!: string | null;

  @ViewField('d.desired_on::text', () => DateScalar, {
    nullable: true,
    description: 'When the enterprise would like the money.',
  })
  desiredOn!: string | null;

  @ViewField('d.contact_consent', {
    description: 'Whether the enterprise consented to show its contact person to every bank.',
  })
  contactConsent!: boolean;

  @ViewField(effectiveDemandStatus, () => FinancingDemandStatus, {
    description: 'Where the demand stands (an open demand past its expiry time is EXPIRED).',
  })
  status!: FinancingDemandStatus;

  @ViewField(instant('d.published_at'), () => Date, { description: 'When it was published.' })
  publishedAt!: string;

  @ViewField(instant('d.expires_at'), () => Date, { description: 'When it stops taking offers unless matched before.' })
  expiresAt!: string;

  @ViewField(instant('d.matched_at'), () => Date, {
    nullable: true,
    description: 'When the enterprise accepted an offer.',
  })
  matchedAt!: string | null;

  @ViewField(instant(effectiveDemandEndedAt), () => Date, {
    nullable: true,
    description: 'When it was withdrawn, expired or closed.',
  })
  endedAt!: string | null;

  @ViewField('d.offer_count', () => Int, {
    description: 'How many offers banks made on it (withdrawn offers not counted).',
  })
  offerCount!: number;

  // Not in the schema: what the field resolvers and visibility rules read. `id` holds the local UUID.
  @Reads('d.enterprise_id') enterpriseId!: string;
  @Reads('d.accepted_bank_id') acceptedBankId!: string | null;
}

@ObjectType('Bank', { implements: Node, simpleResolvers: true, description: 'A bank on 金企通. Public.' })
export class BankType extends Node {
  @Field({ description: 'Registered name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Unified social credit code, when known.' })
  uscc!: string | null;
}

@ReadModel({ key: 'p.id', resolvedBy: { bank: ['bankId'] } })
@ObjectType('CreditProduct', {
  implements: Node,
  simpleResolvers: true,
  description: 'A credit product a bank offers to enterprises. Public.',
})
export class CreditProductType extends Node {
  @ViewField('p.name', { description: 'Name of the product.' })
  name!: string;

  @ViewField('p.description', { description: 'What it is and who it is for.' })
  description!: string;

  @ViewField(money('p.min_amount_fen'), () => Money, { description: 'Smallest amount lent.' })
  minAmount!: Money;

  @ViewField(money('p.max_amount_fen'), () => Money, { description: 'Largest amount lent.' })
  maxAmount!: Money;

  @ViewField('p.min_term_months', () => Int, { description: 'Shortest term in months.' })
  minTermMonths!: number;

  @ViewField('p.max_term_months', () => Int, { description: 'Longest term in months.' })
  maxTermMonths!: number;

  @ViewField(rate('p.min_annual_rate'), () => DecimalScalar, { description: 'Lowest annual rate, in percent.' })
  minAnnualRate!: string;

  @ViewField(rate('p.max_annual_rate'), () => DecimalScalar, { description: 'Highest annual rate, in percent.' })
  maxAnnualRate!: string;

  @ViewField('p.guarantee_types', () => [GuaranteeType], { description: 'Guarantee types it accepts.' })
  guaranteeTypes!: GuaranteeType[];

  @ViewField('p.audience', () => [CreditProductAudience], { description: 'Which enterprises it is meant for.' })
  audience!: CreditProductAudience[];

  @ViewField('p.online_application', { description: 'Whether enterprises can apply online.' })
  onlineApplication!: boolean;

  @ViewField('p.application_url', () => String, { nullable: true, description: 'Where to apply online (https).' })
  applicationUrl!: string | null;

  @ViewField('p.status', () => CreditProductStatus, { description: 'Offered or retired.' })
  status!: CreditProductStatus;

  @ViewField(instant('p.published_at'), () => Date, { description: 'When it was published.' })
  publishedAt!: string;

  @ViewField(instant('p.retired_at'), () => Date, { nullable: true, description: 'When it was retired.' })
  retiredAt!: string | null;
  @Reads('p.bank_id') bankId!: string;
}

@ReadModel({
  key: 'o.id',
  resolvedBy: { demand: ['demandId'], bank: ['bankId'], product: ['productId'] },
})
@ObjectType('FinancingOffer', {
  implements: Node,
  simpleResolvers: true,
  description:
    "A bank's offer on a financing demand. Seen by the enterprise, by the bank that made it and by finance officials.",
})
export class FinancingOfferType extends Node {
  @ViewField(money('o.amount_fen'), () => Money, { description: 'Amount offered.' })
  amount!: Money;

  @ViewField(rate('o.annual_rate'), () => DecimalScalar, {
    description: 'Annual rate offered, in percent, e.g. "3.95".',
  })
  annualRate!: string;

  @ViewField('o.term_months', () => Int, { description: 'Term offered, in months.' })
  termMonths!: number;

  @ViewField('o.note', () => String, { nullable: true, description: "The bank's note to the enterprise." })
  note!: string | null;

  @ViewField(effectiveOfferStatus, () => FinancingOfferStatus, {
    description: 'Where the offer stands (pending on an expired demand: EXPIRED).',
  })
  status!: FinancingOfferStatus;

  @ViewField(instant('o.created_at'), () => Date, { description: 'When it was made.' })
  createdAt!: string;

  @ViewField(instant(effectiveOfferDecidedAt), () => Date, {
    nullable: true,
    description: 'When it was accepted, declined, withdrawn or expired.',
  })
  decidedAt!: string | null;

  @ViewField(money('o.disbursed_amount_fen'), () => Money, {
    nullable: true,
    description: 'Amount disbursed, once recorded.',
  })
  disbursedAmount!: Money | null;

  @ViewField('o.disbursed_on::text', () => DateScalar, {
    nullable: true,
    description: 'Day of disbursement, once recorded.',
  })
  disbursedOn!: string | null;
  @Reads('o.demand_id') demandId!: string;
  @Reads('o.bank_id') bankId!: string;
  @Reads('o.product_id') productId!: string | null;
}

@ObjectType('FinancingDemandAlert', {
  implements: Node,
  simpleResolvers: true,
  description: "A bank officer's saved demand search: each new demand matching it arrives in the officer's inbox.",
})
export class FinancingDemandAlertType extends Node {
  @Field({ description: 'Name the officer gave it.' })
  name!: string;

  @Field(() => Date, { description: 'When it was saved.' })
  createdAt!: Date;

  filterData!: Record<string, unknown>;
}

@ObjectType('FinancingStatsRow', {
  simpleResolvers: true,
  description:
    'Figures of one group over the demands published in the range. For BANK rows the base is the demands that bank made offers on, and the rates are that bank’s.',
})
export class FinancingStatsRowType {
  @Field({
    description: 'The group: a District code, a GB/T 4754 division code, a bank’s global ID or a month YYYY-MM.',
  })
  key!: string;

  @Field({ description: "The group in words, in the caller's language." })
  label!: string;

  @Field(() => Int, { description: 'Demands published in the range (BANK: demands the bank made an offer on).' })
  demandCount!: number;

  @Field(() => Money, { description: 'Total amount those demands asked for.' })
  amountRequested!: Money;

  @Field(() => Int, { description: 'Distinct enterprises behind those demands.' })
  enterpriseCount!: number;

  @Field(() => Int, { description: 'Demands with at least one offer (BANK: same as demandCount).' })
  claimedCount!: number;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Claim rate: claimedCount / demandCount, a fraction with 4 decimals (BANK: its share of all demands published in the range). Null without demands.',
  })
  claimRate!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Median hours from publication to the first offer (BANK: to its own first offer), 1 decimal. Null without offers.',
  })
  medianHoursToFirstOffer!: string | null;

  @Field(() => Int, { description: 'Demands with an accepted offer (BANK: demands where its offer was accepted).' })
  obtainedCount!: number;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Obtained rate: obtainedCount / demandCount, a fraction with 4 decimals. Null without demands.',
  })
  obtainedRate!: string | null;

  @Field(() => Int, { description: 'Accepted offers whose disbursement was recorded.' })
  disbursedCount!: number;

  @Field(() => Money, { description: 'Total amount disbursed.' })
  amountDisbursed!: Money;

  @Field(() => Money, {
    nullable: true,
    description: 'Amount disbursed per enterprise that received money. Null when nothing was disbursed.',
  })
  amountDisbursedPerEnterprise!: Money | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Median calendar days (Asia/Shanghai) from acceptance to disbursement, 1 decimal. Null when nothing was disbursed.',
  })
  medianDaysToDisbursement!: string | null;
}

export const FinancingDemandConnection = ConnectionType(FinancingDemandType, 'FinancingDemand', 'financing demand');
export const FinancingOfferConnection = ConnectionType(FinancingOfferType, 'FinancingOffer', 'financing offer');
export const CreditProductConnection = ConnectionType(CreditProductType, 'CreditProduct', 'credit product');
export const BankConnection = ConnectionType(BankType, 'Bank', 'bank');

/** The payload of a mutation, named after it (publishFinancingDemand: PublishFinancingDemandPayload). */
function payload(mutation: string, field: string, type: () => ClassType) {
  @ObjectType(`${mutation[0]!.toUpperCase()}${mutation.slice(1)}Payload`, { description: `Result of ${mutation}.` })
  class Payload {
    @Field(() => [UserError], { description: 'Problems that prevented it; empty on success.' })
    userErrors!: UserError[];
  }
  Field(type, { nullable: true, description: `The ${field} concerned; null when the request was refused.` })(
    Payload.prototype,
    field,
  );
  return Payload;
}

export const PublishFinancingDemandPayload = payload('publishFinancingDemand', 'demand', () => FinancingDemandType);
export const WithdrawFinancingDemandPayload = payload('withdrawFinancingDemand', 'demand', () => FinancingDemandType);
export const MakeFinancingOfferPayload = payload('makeFinancingOffer', 'offer', () => FinancingOfferType);
export const WithdrawFinancingOfferPayload = payload('withdrawFinancingOffer', 'offer', () => FinancingOfferType);
export const AcceptFinancingOfferPayload = payload('acceptFinancingOffer', 'offer', () => FinancingOfferType);
export const DeclineFinancingOfferPayload = payload('declineFinancingOffer', 'offer', () => FinancingOfferType);
export const RecordDisbursementPayload = payload('recordDisbursement', 'offer', () => FinancingOfferType);
export const PublishCreditProductPayload = payload('publishCreditProduct', 'product', () => CreditProductType);
export const RetireCreditProductPayload = payload('retireCreditProduct', 'product', () => CreditProductType);
export const SaveFinancingDemandAlertPayload = payload(
  'saveFinancingDemandAlert',
  'alert',
  () => FinancingDemandAlertType,
);
export const DeleteFinancingDemandAlertPayload = payload(
  'deleteFinancingDemandAlert',
  'alert',
  () => FinancingDemandAlertType,
);
