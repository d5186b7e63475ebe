import { ArrayMaxSize, IsNotEmpty, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { MoneyInput } from '../../shared/graphql/common.types.js';
import { District } from '../../shared/graphql/reference.types.js';
import { DateScalar, DecimalScalar } from '../../shared/graphql/scalars.js';
import { IdempotencyKeyField } from '../../shared/idempotency/idempotency.js';
import {
  CreditProductAudience,
  FinancingDemandOrderField,
  FinancingDemandStatus,
  FinancingOfferStatus,
  FinancingPurpose,
  GuaranteeType,
  OrderDirection,
} from './financing.enums.js';
import { MAX_COLLATERAL_LENGTH, MAX_NOTE_LENGTH } from './financing.values.js';
import { MultiLineText } from '../../shared/graphql/text-input.js';

@InputType({ description: 'The person banks may contact about a demand.' })
export class ContactPersonInput {
  @Field({ description: 'Name.' })
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @Field({ description: 'Mobile number, or a landline with its area code.' })
  @IsNotEmpty()
  @MaxLength(20)
  phone!: string;

  @Field(() => String, { nullable: true, description: 'Email address.' })
  @IsOptional()
  @MaxLength(254)
  email?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Resident identity card number (18 characters), if the bank will need it.',
  })
  @IsOptional()
  @MaxLength(18)
  idNumber?: string | null;
}

@InputType({ description: 'A financing demand to publish on behalf of an enterprise.' })
export class PublishFinancingDemandInput {
  @Field(() => ID, { description: 'The registered, active enterprise the viewer acts for.' })
  enterpriseId!: string;

  @Field(() => MoneyInput, { description: 'Amount asked for, 1,000 to 10,000,000,000 yuan.' })
  @ValidateNested()
  amount!: MoneyInput;

  @Field(() => Int, { description: 'Term in months, 1 to 360.' })
  termMonths!: number;

  @Field(() => FinancingPurpose, { description: 'What the money is for.' })
  purpose!: FinancingPurpose;

  @Field(() => GuaranteeType, { description: 'How the enterprise can secure the loan.' })
  guaranteeType!: GuaranteeType;

  @Field(() => String, { nullable: true, description: 'The collateral offered, if any.' })
  @IsOptional()
  @MaxLength(MAX_COLLATERAL_LENGTH)
  @MultiLineText()
  collateral?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Highest annual rate accepted, in percent (above 0, at most 36), e.g. "4.35".',
  })
  maxAnnualRate?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'When the enterprise would like the money (today or later).',
  })
  desiredOn?: string | null;

  @Field({
    defaultValue: false,
    description:
      'Consent to show the contact person to every bank. Without it a bank sees the contact person only once its offer is accepted.',
  })
  contactConsent!: boolean;

  @Field(() => ContactPersonInput, { description: 'Whom the bank talks to.' })
  @ValidateNested()
  contact!: ContactPersonInput;

  @Field(() => String, {
    nullable: true,
    description:
      "GB/T 4754-2017 division code of the enterprise's industry. Used only when the enterprise's registration does not record one; otherwise the registered industry applies.",
  })
  @IsOptional()
  @MaxLength(3)
  industry?: string | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType({ description: 'A financing demand to withdraw.' })
export class WithdrawFinancingDemandInput {
  @Field(() => ID, { description: 'The demand.' })
  id!: string;
}

@InputType({ description: "A bank's offer on an open demand." })
export class MakeFinancingOfferInput {
  @Field(() => ID, { description: 'The open demand.' })
  demandId!: string;

  @Field(() => MoneyInput, { description: 'Amount offered: above 0 and at most the amount asked for.' })
  @ValidateNested()
  amount!: MoneyInput;

  @Field(() => DecimalScalar, {
    description: "Annual rate in percent: above 0, at most 36 and at most the demand's ceiling.",
  })
  annualRate!: string;

  @Field(() => Int, { description: 'Term in months, 1 to 360.' })
  termMonths!: number;

  @Field(() => ID, {
    nullable: true,
    description: "One of the bank's active credit products; the offer must fit its ranges.",
  })
  productId?: string | null;

  @Field(() => String, { nullable: true, description: 'A note to the enterprise.' })
  @IsOptional()
  @MaxLength(MAX_NOTE_LENGTH)
  @MultiLineText()
  note?: string | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType({ description: 'An offer to act on.' })
export class WithdrawFinancingOfferInput {
  @Field(() => ID, { description: 'The pending offer of your bank.' })
  id!: string;
}

@InputType({ description: 'An offer to accept.' })
export class AcceptFinancingOfferInput {
  @Field(() => ID, { description: "A pending offer on your enterprise's open demand." })
  id!: string;
}

@InputType({ description: 'An offer to decline.' })
export class DeclineFinancingOfferInput {
  @Field(() => ID, { description: "A pending offer on your enterprise's demand." })
  id!: string;
}

@InputType({ description: 'The disbursement of an accepted offer.' })
export class RecordDisbursementInput {
  @Field(() => ID, { description: 'The accepted offer of your bank.' })
  offerId!: string;

  @Field(() => MoneyInput, { description: 'Amount disbursed: above 0 and at most the amount offered.' })
  @ValidateNested()
  amount!: MoneyInput;

  @Field(() => DateScalar, { description: 'Day of disbursement: from the day of acceptance to today.' })
  disbursedOn!: string;
}

@InputType({ description: 'A credit product to publish for your bank.' })
export class PublishCreditProductInput {
  @Field({ description: 'Name.' })
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @Field({ description: 'What it is and who it is for.' })
  @IsNotEmpty()
  @MaxLength(2000)
  @MultiLineText()
  description!: string;

  @Field(() => MoneyInput, { description: 'Smallest amount lent.' })
  @ValidateNested()
  minAmount!: MoneyInput;

  @Field(() => MoneyInput, { description: 'Largest amount lent.' })
  @ValidateNested()
  maxAmount!: MoneyInput;

  @Field(() => Int, { description: 'Shortest term in months.' })
  minTermMonths!: number;

  @Field(() => Int, { description: 'Longest term in months.' })
  maxTermMonths!: number;

  @Field(() => DecimalScalar, { description: 'Lowest annual rate in percent.' })
  minAnnualRate!: string;

  @Field(() => DecimalScalar, { description: 'Highest annual rate in percent.' })
  maxAnnualRate!: string;

  @Field(() => [GuaranteeType], { description: 'Guarantee types it accepts (at least one).' })
  @ArrayMaxSize(5)
  guaranteeTypes!: GuaranteeType[];

  @Field(() => [CreditProductAudience], { description: 'Which enterprises it is meant for (at least one).' })
  @ArrayMaxSize(7)
  audience!: CreditProductAudience[];

  @Field({ defaultValue: false, description: 'Whether enterprises can apply online.' })
  onlineApplication!: boolean;

  @Field(() => String, { nullable: true, description: 'Where to apply online (https).' })
  @IsOptional()
  @MaxLength(500)
  applicationUrl?: string | null;
}

@InputType({ description: 'A credit product to retire.' })
export class RetireCreditProductInput {
  @Field(() => ID, { description: "One of your bank's active products." })
  id!: string;
}

@InputType({ description: 'Which of your enterprises’ financing demands.' })
export class MyFinancingDemandFilter {
  @Field(() => ID, { nullable: true, description: 'Only this enterprise’s demands.' })
  enterpriseId?: string | null;

  @Field(() => FinancingDemandStatus, { nullable: true, description: 'Only demands in this status.' })
  status?: FinancingDemandStatus | null;
}

@InputType({ description: 'Which of your bank’s offers.' })
export class FinancingOfferFilter {
  @Field(() => FinancingOfferStatus, { nullable: true, description: 'Only offers in this status.' })
  status?: FinancingOfferStatus | null;
}

@InputType({
  description: 'Which financing demands to list. Every field narrows the list; leave out what does not matter.',
})
export class FinancingDemandFilter {
  @Field(() => FinancingDemandStatus, {
    nullable: true,
    description:
      'Status (default OPEN). Banks see other statuses only for demands they made an offer on; partner systems only OPEN.',
  })
  status?: FinancingDemandStatus | null;

  @Field(() => [District], { nullable: true, description: 'Any of these districts.' })
  @IsOptional()
  @ArrayMaxSize(10)
  districts?: District[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Any of these GB/T 4754-2017 division codes, e.g. ["I65", "C39"].',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  industries?: string[] | null;

  @Field(() => MoneyInput, { nullable: true, description: 'Amount asked for at least this.' })
  @IsOptional()
  @ValidateNested()
  amountMin?: MoneyInput | null;

  @Field(() => MoneyInput, { nullable: true, description: 'Amount asked for at most this.' })
  @IsOptional()
  @ValidateNested()
  amountMax?: MoneyInput | null;

  @Field(() => Int, { nullable: true, description: 'Term at most this many months.' })
  termMonthsMax?: number | null;

  @Field(() => [GuaranteeType], { nullable: true, description: 'Any of these guarantee types.' })
  @IsOptional()
  @ArrayMaxSize(5)
  guaranteeTypes?: GuaranteeType[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only foreign-invested (true) or only domestic (false) enterprises.',
  })
  foreignInvested?: boolean | null;

  @Field(() => Date, { nullable: true, description: 'Published at or after this instant.' })
  publishedAfter?: Date | null;
}

@InputType({ description: 'How to sort financing demands.' })
export class FinancingDemandOrder {
  @Field(() => FinancingDemandOrderField, { description: 'Sort key.' })
  field!: FinancingDemandOrderField;

  @Field(() => OrderDirection, {
    defaultValue: OrderDirection.DESC,
    description: 'Direction (default DESC: newest or largest first).',
  })
  direction!: OrderDirection;
}

@InputType({ description: 'Which credit products to list.' })
export class CreditProductFilter {
  @Field(() => [ID], { nullable: true, description: 'Only products of these banks.' })
  @IsOptional()
  @ArrayMaxSize(50)
  bankIds?: string[] | null;

  @Field(() => [GuaranteeType], { nullable: true, description: 'Products accepting any of these guarantee types.' })
  @IsOptional()
  @ArrayMaxSize(5)
  guaranteeTypes?: GuaranteeType[] | null;

  @Field(() => MoneyInput, { nullable: true, description: 'Products that lend this amount.' })
  @IsOptional()
  @ValidateNested()
  amount?: MoneyInput | null;

  @Field(() => Int, { nullable: true, description: 'Products that lend for this many months.' })
  termMonths?: number | null;

  @Field(() => [CreditProductAudience], {
    nullable: true,
    description: 'Products meant for any of these audiences (ALL always matches).',
  })
  @IsOptional()
  @ArrayMaxSize(7)
  audience?: CreditProductAudience[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only products with (true) or without (false) online application.',
  })
  onlineApplication?: boolean | null;
}

@InputType({ description: 'A demand search to keep: each new demand that matches it arrives in your inbox.' })
export class SaveFinancingDemandAlertInput {
  @Field({ description: 'A name for it.' })
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @Field(() => FinancingDemandFilter, {
    description: 'Which new demands to report (status is ignored: new demands are open).',
  })
  @ValidateNested()
  filter!: FinancingDemandFilter;
}

@InputType({ description: 'A demand alert to delete.' })
export class DeleteFinancingDemandAlertInput {
  @Field(() => ID, { description: 'The alert.' })
  id!: string;
}
