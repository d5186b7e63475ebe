import { IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../shared/graphql/common.types.js';
import { ConnectionType } from '../../shared/graphql/connection.js';
import { Node } from '../../shared/graphql/node.js';
import { District } from '../../shared/graphql/reference.types.js';
import { DateScalar } from '../../shared/graphql/scalars.js';
import { MultiLineText } from '../../shared/graphql/text-input.js';
import { CreditCommitment, EnterpriseType } from './registration.types.js';
import { CreditCommitmentInput } from './registration.inputs.js';

// The GraphQL shapes of simplified deregistration (市场主体登记管理条例 第三十三条; 实施细则 第四十七条至第四十九条).

export enum SimplifiedDeregistrationNoticeStatus {
  IN_NOTICE = 'IN_NOTICE',
  OBJECTED = 'OBJECTED',
  ENDED = 'ENDED',
  LAPSED = 'LAPSED',
  COMPLETED = 'COMPLETED',
}
registerEnumType(SimplifiedDeregistrationNoticeStatus, {
  name: 'SimplifiedDeregistrationNoticeStatus',
  description: 'Where a simplified-deregistration notice stands, by the calendar day in Asia/Shanghai.',
  valuesConfig: {
    IN_NOTICE: { description: 'Published and running (until endsOn): anyone may object.' },
    OBJECTED: {
      description: 'Someone objected: the simplified route has ended for this notice (ordinary deregistration).',
    },
    ENDED: { description: 'Ended without objection: the simplified application may be made until applyBy.' },
    LAPSED: { description: 'Ended without objection, but no application came by applyBy.' },
    COMPLETED: { description: 'The enterprise was deregistered through it.' },
  },
});

export enum EnterpriseRestrictionKind {
  EQUITY_FROZEN = 'EQUITY_FROZEN',
  EQUITY_PLEDGED = 'EQUITY_PLEDGED',
  UNPAID_FINE = 'UNPAID_FINE',
}
registerEnumType(EnterpriseRestrictionKind, {
  name: 'EnterpriseRestrictionKind',
  description: 'A fact that bars simplified deregistration (市场主体登记管理条例实施细则 Art. 48).',
  valuesConfig: {
    EQUITY_FROZEN: { description: 'Its equity (or share of property) is frozen.' },
    EQUITY_PLEDGED: { description: 'Its equity is pledged.' },
    UNPAID_FINE: { description: 'An administrative fine has not been paid in full.' },
  },
});

@ObjectType('SimplifiedDeregistrationObjection', {
  description:
    'An objection to a simplified deregistration, raised during its notice. Seen by officials and by the enterprise’s own applicant only.',
})
export class SimplifiedDeregistrationObjectionType {
  @Field({ description: 'The creditor or other interested party.' })
  objectorName!: string;

  @Field({ description: 'How to reach the objector.' })
  contact!: string;

  @Field({ description: 'Why they object.' })
  reason!: string;

  @Field({ description: 'True when raised without signing in.' })
  anonymous!: boolean;

  @Field(() => Date, { description: 'When it was raised.' })
  createdAt!: Date;
}
export const SimplifiedDeregistrationObjectionConnection = ConnectionType(
  SimplifiedDeregistrationObjectionType,
  'SimplifiedDeregistrationObjection',
  'simplified-deregistration objection',
);

@ObjectType('SimplifiedDeregistrationNotice', {
  implements: Node,
  description:
    'The public notice an enterprise gives on the platform before a simplified deregistration (市场主体登记管理条例 Art. 33): its application and its investors’ promise, published for 20 days, during which anyone may object. Public.',
})
export class SimplifiedDeregistrationNoticeType extends Node {
  @Field(() => EnterpriseType, { description: 'The enterprise that will be deregistered.' })
  enterprise!: EnterpriseType;

  @Field(() => District, { description: 'Its registering district when the notice was published.' })
  district!: District;

  @Field(() => DateScalar, { description: 'The day it was published (the 20 days count from the next day).' })
  startsOn!: string;

  @Field(() => DateScalar, { description: 'The last day of the notice, and of objections: startsOn + 20 days.' })
  endsOn!: string;

  @Field(() => DateScalar, {
    description:
      'The last day the simplified application may be made: 20 days after endsOn (实施细则 Art. 49), moved to the next working day when it falls on a weekend or holiday.',
  })
  applyBy!: string;

  @Field(() => SimplifiedDeregistrationNoticeStatus, { description: 'Where it stands today.' })
  status!: SimplifiedDeregistrationNoticeStatus;

  @Field({ description: 'True while objections are accepted (until the end of endsOn, unless completed).' })
  objectionPeriodOpen!: boolean;

  @Field(() => CreditCommitment, { description: 'The investors’ promise published with it.' })
  commitment!: CreditCommitment;

  @Field(() => Date, { nullable: true, description: 'When the first objection was raised.' })
  objectedAt!: Date | null;

  @Field(() => SimplifiedDeregistrationObjectionConnection, {
    nullable: true,
    description: 'The objections, oldest first: for officials and the enterprise’s own applicant; null for others.',
  })
  objections!: unknown;

  @Field(() => Date, { description: 'When it was published.' })
  createdAt!: Date;
}
export const SimplifiedDeregistrationNoticeConnection = ConnectionType(
  SimplifiedDeregistrationNoticeType,
  'SimplifiedDeregistrationNotice',
  'simplified-deregistration notice',
);

@ObjectType('EnterpriseRestriction', {
  implements: Node,
  description:
    'Frozen or pledged equity, or an unpaid fine, recorded by market regulation: while in force it bars simplified deregistration (实施细则 Art. 48). Seen by officials and the enterprise’s own applicant.',
})
export class EnterpriseRestrictionType extends Node {
  @Field(() => EnterpriseRestrictionKind, { description: 'What it is.' })
  kind!: EnterpriseRestrictionKind;

  @Field({ description: 'Why (the court order, the pledge registration, the penalty decision).' })
  reason!: string;

  @Field(() => DateScalar, { description: 'The day it took effect.' })
  since!: string;

  @Field(() => Date, { description: 'When it was recorded.' })
  recordedAt!: Date;

  @Field(() => DateScalar, { nullable: true, description: 'The day it ended; null while in force.' })
  liftedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it ended.' })
  liftReason!: string | null;

  @Field(() => Date, { nullable: true, description: 'When its end was recorded.' })
  liftedAt!: Date | null;

  @Field({ description: 'True while in force.' })
  inForce!: boolean;

  @Field(() => EnterpriseType, { description: 'The enterprise.' })
  enterprise!: EnterpriseType;
}

export const EnterpriseRestrictionConnection = ConnectionType(
  EnterpriseRestrictionType,
  'EnterpriseRestriction',
  'restriction',
);

// ---------------------------------------------------------------------------------------------
// Inputs

@InputType({ description: 'Which notices to list.' })
export class SimplifiedDeregistrationNoticeFilter {
  @Field(() => SimplifiedDeregistrationNoticeStatus, { nullable: true, description: 'Only notices in this state.' })
  @IsOptional()
  status?: SimplifiedDeregistrationNoticeStatus | null;

  @Field(() => District, { nullable: true, description: 'Only enterprises of this district.' })
  @IsOptional()
  district?: District | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only the notices of this enterprise (global ID), so its applicant can follow its own notice.',
  })
  @IsOptional()
  enterpriseId?: string | null;
}

@InputType({ description: 'Publishes the 20-day notice of a simplified deregistration.' })
export class StartSimplifiedDeregistrationNoticeInput {
  @Field(() => ID, { description: 'The enterprise (one the applicant acts for).' })
  enterpriseId!: string;

  @Field(() => CreditCommitmentInput, {
    description:
      'The investors’ promise published with the notice; termsVersion "SIMPLE-DEREG-2026.1" (the text comes back in the notice’s commitment).',
  })
  @ValidateNested()
  commitment!: CreditCommitmentInput;
}

@InputType({ description: 'An objection to a simplified deregistration during its notice.' })
export class ObjectToSimplifiedDeregistrationInput {
  @Field(() => ID, { description: 'The notice.' })
  noticeId!: string;

  @Field({ description: 'The creditor or other interested party objecting (at most 100 characters).' })
  @MaxLength(100)
  objectorName!: string;

  @Field({ description: 'How to reach the objector: phone, email or address (at most 200 characters).' })
  @MaxLength(200)
  contact!: string;

  @Field({ description: 'Why they object, e.g. the debt owed (at most 2,000 characters).' })
  @MaxLength(2000)
  @MultiLineText()
  reason!: string;
}

@InputType({ description: 'Records a restriction that bars simplified deregistration.' })
export class RecordEnterpriseRestrictionInput {
  @Field(() => ID, { description: 'The enterprise.' })
  enterpriseId!: string;

  @Field(() => EnterpriseRestrictionKind, { description: 'What it is.' })
  kind!: EnterpriseRestrictionKind;

  @Field({ description: 'Why: the court order, pledge registration or penalty decision (at most 1,000 characters).' })
  @MaxLength(1000)
  @MultiLineText()
  reason!: string;

  @Field(() => DateScalar, { description: 'The day it took effect (not in the future).' })
  since!: string;
}

@InputType({ description: 'Records the end of a restriction.' })
export class LiftEnterpriseRestrictionInput {
  @Field(() => ID, { description: 'The restriction.' })
  id!: string;

  @Field({ description: 'Why it ended (at most 1,000 characters).' })
  @MaxLength(1000)
  @MultiLineText()
  reason!: string;

  @Field(() => DateScalar, { description: 'The day it ended (not before it took effect, not in the future).' })
  liftedOn!: string;
}

// ---------------------------------------------------------------------------------------------
// Payloads

@ObjectType({ description: 'Result of startSimplifiedDeregistrationNotice.' })
export class StartSimplifiedDeregistrationNoticePayload {
  @Field(() => SimplifiedDeregistrationNoticeType, { nullable: true, description: 'The published notice.' })
  notice?: SimplifiedDeregistrationNoticeType;

  @Field(() => [UserError], { description: 'Problems that prevented it; nothing was published when there are any.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of objectToSimplifiedDeregistration.' })
export class ObjectToSimplifiedDeregistrationPayload {
  @Field(() => SimplifiedDeregistrationNoticeType, { nullable: true, description: 'The notice as it now stands.' })
  notice?: SimplifiedDeregistrationNoticeType;

  @Field(() => [UserError], { description: 'Problems that prevented it; nothing was recorded when there are any.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of recordEnterpriseRestriction.' })
export class RecordEnterpriseRestrictionPayload {
  @Field(() => EnterpriseRestrictionType, { nullable: true, description: 'The recorded restriction.' })
  restriction?: EnterpriseRestrictionType;

  @Field(() => [UserError], { description: 'Problems that prevented it; nothing was recorded when there are any.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of liftEnterpriseRestriction.' })
export class LiftEnterpriseRestrictionPayload {
  @Field(() => EnterpriseRestrictionType, { nullable: true, description: 'The restriction as it now stands.' })
  restriction?: EnterpriseRestrictionType;

  @Field(() => [UserError], { description: 'Problems that prevented it; nothing was changed when there are any.' })
  userErrors!: UserError[];
}
