import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { Money, UserError } from '../../shared/graphql/common.types.js';
import { ConnectionType } from '../../shared/graphql/connection.js';
import { Node } from '../../shared/graphql/node.js';
import { District } from '../../shared/graphql/reference.types.js';
import { DateScalar, DecimalScalar } from '../../shared/graphql/scalars.js';
import { IndustryType } from '../names/index.js';
import {
  CreditProductAudience,
  CreditProductStatus,
  FinancingDemandStatus,
  FinancingOfferStatus,
  FinancingPurpose,
  GuaranteeType,
} from './financing.enums.js';

// The financing object types. Each is also the plain class its rows are read into (financing.rows.ts):
// field resolvers receive instances of their own type, so type-graphql never copies a row per field,
// and simple fields resolve without any wrapper (simpleResolvers).

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

@ObjectType('FinancingDemand', {
  implements: Node,
  simpleResolvers: true,
  description:
    'A financing demand an enterprise published on 金企通. Banks see it while it is open (and afterwards when they made an offer on it) without the contact person unless allowed; officials and partner systems see the same masked view.',
})
export class FinancingDemandType extends Node {
  @Field({ description: 'Human-facing number, e.g. RZ2026000123.' })
  number!: string;

  @Field(() => District, { description: 'District of the enterprise when the demand was published.' })
  district!: District;

  @Field(() => IndustryType, {
    description: 'Industry of the enterprise when the demand was published (GB/T 4754-2017 division).',
  })
  industry!: IndustryType;

  @Field({ description: 'Whether the enterprise was foreign-invested when the demand was published.' })
  foreignInvested!: boolean;

  @Field(() => Money, { description: 'The amount asked for.' })
  amount!: Money;

  @Field(() => Int, { description: 'Term in months.' })
  termMonths!: number;

  @Field(() => FinancingPurpose, { description: 'What the money is for.' })
  purpose!: FinancingPurpose;

  @Field(() => GuaranteeType, { description: 'How the enterprise can secure the loan.' })
  guaranteeType!: GuaranteeType;

  @Field(() => String, { nullable: true, description: 'Description of the collateral offered, if any.' })
  collateral!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Highest annual rate the enterprise accepts, in percent, e.g. "4.35".',
  })
  maxAnnualRate!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the enterprise would like the money.' })
  desiredOn!: string | null;

  @Field({ description: 'Whether the enterprise consented to show its contact person to every bank.' })
  contactConsent!: boolean;

  @Field(() => FinancingDemandStatus, {
    description: 'Where the demand stands (an open demand past its expiry time is EXPIRED).',
  })
  status!: FinancingDemandStatus;

  @Field(() => Date, { description: 'When it was published.' })
  publishedAt!: Date;

  @Field(() => Date, { description: 'When it stops taking offers unless matched before.' })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the enterprise accepted an offer.' })
  matchedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was withdrawn, expired or closed.' })
  endedAt!: Date | null;

  @Field(() => Int, { description: 'How many offers banks made on it (withdrawn offers not counted).' })
  offerCount!: number;

  // Not in the schema: what the field resolvers and visibility rules need. `id` holds the local UUID.
  enterpriseId!: string;
  acceptedBankId!: string | null;
  acceptedOfferId!: string | null;
  publishedById!: string;
  /** Exact publication time as PostgreSQL wrote it, for cursors (microseconds). */
  publishedAtText!: string;
  amountFen!: string;
  /** Loaded with the page when the query selects them (financing.lookahead.ts). */
  prefetchedEnterprise?: unknown;
  prefetchedOffers?: { size: number; bankId: string; page: unknown };
}

@ObjectType('Bank', { implements: Node, simpleResolvers: true, description: 'A bank on 金企通. Public.' })
export class BankType extends Node {
  @Field({ description: 'Registered name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Unified social credit code, when known.' })
  uscc!: string | null;
}

@ObjectType('CreditProduct', {
  implements: Node,
  simpleResolvers: true,
  description: 'A credit product a bank offers to enterprises. Public.',
})
export class CreditProductType extends Node {
  @Field({ description: 'Name of the product.' })
  name!: string;

  @Field({ description: 'What it is and who it is for.' })
  description!: string;

  @Field(() => Money, { description: 'Smallest amount lent.' })
  minAmount!: Money;

  @Field(() => Money, { description: 'Largest amount lent.' })
  maxAmount!: Money;

  @Field(() => Int, { description: 'Shortest term in months.' })
  minTermMonths!: number;

  @Field(() => Int, { description: 'Longest term in months.' })
  maxTermMonths!: number;

  @Field(() => DecimalScalar, { description: 'Lowest annual rate, in percent.' })
  minAnnualRate!: string;

  @Field(() => DecimalScalar, { description: 'Highest annual rate, in percent.' })
  maxAnnualRate!: string;

  @Field(() => [GuaranteeType], { description: 'Guarantee types it accepts.' })
  guaranteeTypes!: GuaranteeType[];

  @Field(() => [CreditProductAudience], { description: 'Which enterprises it is meant for.' })
  audience!: CreditProductAudience[];

  @Field({ description: 'Whether enterprises can apply online.' })
  onlineApplication!: boolean;

  @Field(() => String, { nullable: true, description: 'Where to apply online (https).' })
  applicationUrl!: string | null;

  @Field(() => CreditProductStatus, { description: 'Offered or retired.' })
  status!: CreditProductStatus;

  @Field(() => Date, { description: 'When it was published.' })
  publishedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was retired.' })
  retiredAt!: Date | null;

  bankId!: string;
  publishedAtText!: string;
}

@ObjectType('FinancingOffer', {
  implements: Node,
  simpleResolvers: true,
  description:
    "A bank's offer on a financing demand. Seen by the enterprise, by the bank that made it and by finance officials.",
})
export class FinancingOfferType extends Node {
  @Field(() => Money, { description: 'Amount offered.' })
  amount!: Money;

  @Field(() => DecimalScalar, { description: 'Annual rate offered, in percent, e.g. "3.95".' })
  annualRate!: string;

  @Field(() => Int, { description: 'Term offered, in months.' })
  termMonths!: number;

  @Field(() => String, { nullable: true, description: "The bank's note to the enterprise." })
  note!: string | null;

  @Field(() => FinancingOfferStatus, { description: 'Where the offer stands (pending on an expired demand: EXPIRED).' })
  status!: FinancingOfferStatus;

  @Field(() => Date, { description: 'When it was made.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was accepted, declined, withdrawn or expired.' })
  decidedAt!: Date | null;

  @Field(() => Money, { nullable: true, description: 'Amount disbursed, once recorded.' })
  disbursedAmount!: Money | null;

  @Field(() => DateScalar, { nullable: true, description: 'Day of disbursement, once recorded.' })
  disbursedOn!: string | null;

  demandId!: string;
  bankId!: string;
  productId!: string | null;
  createdById!: string;
  createdAtText!: string;
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

function payload(name: string, field: string, type: () => ClassType, what: string) {
  @ObjectType(name, { description: `Result of ${what}.` })
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

export const PublishFinancingDemandPayload = payload(
  'PublishFinancingDemandPayload',
  'demand',
  () => FinancingDemandType,
  'publishFinancingDemand',
);
export const WithdrawFinancingDemandPayload = payload(
  'WithdrawFinancingDemandPayload',
  'demand',
  () => FinancingDemandType,
  'withdrawFinancingDemand',
);
export const MakeFinancingOfferPayload = payload(
  'MakeFinancingOfferPayload',
  'offer',
  () => FinancingOfferType,
  'makeFinancingOffer',
);
export const WithdrawFinancingOfferPayload = payload(
  'WithdrawFinancingOfferPayload',
  'offer',
  () => FinancingOfferType,
  'withdrawFinancingOffer',
);
export const AcceptFinancingOfferPayload = payload(
  'AcceptFinancingOfferPayload',
  'offer',
  () => FinancingOfferType,
  'acceptFinancingOffer',
);
export const DeclineFinancingOfferPayload = payload(
  'DeclineFinancingOfferPayload',
  'offer',
  () => FinancingOfferType,
  'declineFinancingOffer',
);
export const RecordDisbursementPayload = payload(
  'RecordDisbursementPayload',
  'offer',
  () => FinancingOfferType,
  'recordDisbursement',
);
export const PublishCreditProductPayload = payload(
  'PublishCreditProductPayload',
  'product',
  () => CreditProductType,
  'publishCreditProduct',
);
export const RetireCreditProductPayload = payload(
  'RetireCreditProductPayload',
  'product',
  () => CreditProductType,
  'retireCreditProduct',
);
export const SaveFinancingDemandAlertPayload = payload(
  'SaveFinancingDemandAlertPayload',
  'alert',
  () => FinancingDemandAlertType,
  'saveFinancingDemandAlert',
);
export const DeleteFinancingDemandAlertPayload = payload(
  'DeleteFinancingDemandAlertPayload',
  'alert',
  () => FinancingDemandAlertType,
  'deleteFinancingDemandAlert',
);
