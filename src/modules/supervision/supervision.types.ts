import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { ConnectionType } from '../../shared/graphql/connection.js';
import { UserError } from '../../shared/graphql/common.types.js';
import { Node } from '../../shared/graphql/node.js';
import { DateScalar } from '../../shared/graphql/scalars.js';
import { MultiLineText } from '../../shared/graphql/text-input.js';

export enum InspectionStatus {
  ASSIGNED = 'ASSIGNED',
  COMPLETED = 'COMPLETED',
}
registerEnumType(InspectionStatus, {
  name: 'InspectionStatus',
  description: 'Where an inspection stands.',
  valuesConfig: {
    ASSIGNED: { description: 'Drawn; the inspectors have not recorded a finding yet.' },
    COMPLETED: { description: 'The finding is recorded.' },
  },
});

export enum InspectionFinding {
  COMPLIANT = 'COMPLIANT',
  DEFECTS_CORRECTED = 'DEFECTS_CORRECTED',
  FALSE_DECLARATION = 'FALSE_DECLARATION',
}
registerEnumType(InspectionFinding, {
  name: 'InspectionFinding',
  description: 'What an inspection found.',
  valuesConfig: {
    COMPLIANT: { description: 'The registered facts are true.' },
    DEFECTS_CORRECTED: { description: 'Minor defects, corrected on the spot; no further action.' },
    FALSE_DECLARATION: {
      description: 'A registered fact was falsely declared: a revocation proceeding starts with a notice.',
    },
  },
});

export enum RevocationProceedingStatus {
  NOTICE_ISSUED = 'NOTICE_ISSUED',
  PUBLIC_NOTICE = 'PUBLIC_NOTICE',
  REVOKED = 'REVOKED',
  CLOSED = 'CLOSED',
}
registerEnumType(RevocationProceedingStatus, {
  name: 'RevocationProceedingStatus',
  description: 'Where a revocation proceeding stands.',
  valuesConfig: {
    NOTICE_ISSUED: { description: 'The enterprise was told and may answer until answerBy.' },
    PUBLIC_NOTICE: {
      description: 'The enterprise could not be reached: public notice until publicNoticeUntil (45 days).',
    },
    REVOKED: { description: 'The registration is revoked.' },
    CLOSED: { description: 'Ended without revocation.' },
  },
});

export enum PublicRevocationStatus {
  PUBLIC_NOTICE = 'PUBLIC_NOTICE',
  REVOKED = 'REVOKED',
}
registerEnumType(PublicRevocationStatus, {
  name: 'PublicRevocationStatus',
  description: 'The public stages of a revocation.',
  valuesConfig: {
    PUBLIC_NOTICE: { description: 'Under the 45-day public notice before revocation.' },
    REVOKED: { description: 'Revoked.' },
  },
});

@ObjectType('InspectionSample', {
  implements: Node,
  description:
    'A random draw (双随机) of enterprises confirmed in a window and of inspecting officials, from a recorded seed. Role: OFFICIAL (MARKET_REGULATION).',
})
export class InspectionSampleType extends Node {
  @Field({ description: 'Number for people, e.g. CC202612070001.' })
  number!: string;

  @Field({
    description: 'The seed the draw used; the same seed over the same population and roster draws the same sample.',
  })
  seed!: string;

  @Field(() => DateScalar, { description: 'First day of the window (confirmation day, Asia/Shanghai).' })
  confirmedFrom!: string;

  @Field(() => DateScalar, { description: 'Last day of the window.' })
  confirmedTo!: string;

  @Field(() => Int, { description: 'How many enterprises were asked for.' })
  sampleSize!: number;

  @Field(() => Int, { description: 'Inspecting officials drawn for each enterprise.' })
  inspectorsPerEnterprise!: number;

  @Field({ description: 'When it was drawn.' })
  drawnAt!: Date;
}

@ObjectType('Inspection', {
  implements: Node,
  description: 'One drawn enterprise, its drawn inspectors and their finding. Role: OFFICIAL (MARKET_REGULATION).',
})
export class InspectionType extends Node {
  @Field(() => Int, { description: 'Order in the draw (0 first).' })
  position!: number;

  @Field(() => InspectionStatus, { description: 'Where it stands.' })
  status!: InspectionStatus;

  @Field(() => InspectionFinding, { nullable: true, description: 'The finding, once recorded.' })
  finding!: InspectionFinding | null;

  @Field(() => String, { nullable: true, description: 'What was found.' })
  findingNote!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the finding was recorded.' })
  recordedAt!: Date | null;
}

@ObjectType('RevocationProceeding', {
  implements: Node,
  description:
    'From a false declaration to the revocation of a registration. Public once under public notice or revoked (the public sees the enterprise, dates and reasons); the rest only market-regulation officials.',
})
export class RevocationProceedingType extends Node {
  @Field(() => RevocationProceedingStatus, { description: 'Where it stands.' })
  status!: RevocationProceedingStatus;

  @Field(() => DateScalar, { nullable: true, description: 'First day of the public notice.' })
  publicNoticeFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the public notice (45 days).' })
  publicNoticeUntil!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the enterprise could not be reached.' })
  publicNoticeReason!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day the registration was revoked.' })
  revokedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'The ground of the revocation.' })
  revocationReason!: string | null;
}

@ObjectType('RevocationNoticeAnswer', {
  description:
    "The enterprise's answer to a notice of intended revocation (陈述申辩), as the person acting for it gave it.",
})
export class RevocationNoticeAnswerType {
  @Field(() => String, { description: 'What the enterprise states.' })
  statement!: string;

  @Field(() => String, { nullable: true, description: 'The evidence it relies on, described in text; null when none.' })
  evidence!: string | null;

  @Field(() => Date, { description: 'When it answered.' })
  answeredAt!: Date;

  @Field(() => String, { nullable: true, description: 'Name of the person who answered.' })
  answeredByName!: string | null;
}

export const InspectionSampleConnection = ConnectionType(InspectionSampleType, 'InspectionSample', 'inspection sample');
export const InspectionConnection = ConnectionType(InspectionType, 'Inspection', 'inspection');
export const RevocationProceedingConnection = ConnectionType(
  RevocationProceedingType,
  'RevocationProceeding',
  'revocation proceeding',
);

// ---------------------------------------------------------------------------------------------
// Inputs

@InputType({ description: 'Which revocation proceedings.' })
export class RevocationProceedingFilter {
  @Field(() => RevocationProceedingStatus, { nullable: true, description: 'Only this status.' })
  status?: RevocationProceedingStatus | null;
}

@InputType({ description: 'Which entries of the public list of revocations.' })
export class EnterpriseRevocationFilter {
  @Field(() => PublicRevocationStatus, { nullable: true, description: 'Only this stage.' })
  status?: PublicRevocationStatus | null;
}

@InputType({ description: 'What to draw.' })
export class DrawInspectionSampleInput {
  @Field(() => DateScalar, { description: 'Enterprises confirmed on or after this day.' })
  confirmedFrom!: string;

  @Field(() => DateScalar, {
    description: 'Enterprises confirmed on or before this day (not after today; at most 366 days).',
  })
  confirmedTo!: string;

  @Field(() => Int, { description: 'How many enterprises to draw (1 to 200; fewer when fewer exist).' })
  sampleSize!: number;

  @Field(() => Int, { nullable: true, description: 'Inspecting officials per enterprise (1 to 3, default 2).' })
  inspectorsPerEnterprise?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The seed (1 to 64 letters, digits, - or _); a random one is chosen and recorded when left out.',
  })
  @IsOptional()
  @MaxLength(64)
  seed?: string | null;
}

@InputType({ description: 'The finding of an inspection.' })
export class RecordInspectionFindingInput {
  @Field(() => ID, { description: 'The inspection.' })
  id!: string;

  @Field(() => InspectionFinding, { description: 'What was found.' })
  finding!: InspectionFinding;

  @Field(() => String, {
    nullable: true,
    description: 'What was found (required for FALSE_DECLARATION; at most 2,000 characters).',
  })
  @IsOptional()
  @MaxLength(2000)
  @MultiLineText()
  note?: string | null;
}

@InputType({ description: 'A step of a revocation proceeding, with its reason.' })
export class RevocationStepInput {
  @Field(() => ID, { description: 'The proceeding.' })
  id!: string;

  @Field(() => String, {
    description: 'The reason, for the record (1 to 1,000 characters; public for a public notice or a revocation).',
  })
  @MaxLength(1000)
  @MultiLineText()
  reason!: string;
}

@InputType('StartRevocationPublicNoticeInput', { description: 'The enterprise cannot be reached: why.' })
export class StartRevocationPublicNoticeInput extends RevocationStepInput {}

@InputType('RevokeEnterpriseRegistrationInput', { description: 'The proceeding and the ground of the revocation.' })
export class RevokeEnterpriseRegistrationInput extends RevocationStepInput {}

@InputType('CloseRevocationProceedingInput', { description: 'The proceeding and why it ends without revocation.' })
export class CloseRevocationProceedingInput extends RevocationStepInput {}

@InputType({ description: "The enterprise's answer to a notice of intended revocation." })
export class AnswerRevocationNoticeInput {
  @Field(() => ID, { description: 'The revocation proceeding (from the notice).' })
  id!: string;

  @Field(() => String, { description: 'The statement (1 to 4,000 characters).' })
  @MaxLength(4000)
  @MultiLineText()
  statement!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The evidence relied on, described in text (at most 4,000 characters); may be left out.',
  })
  @IsOptional()
  @MaxLength(4000)
  @MultiLineText()
  evidence?: string | null;
}

// ---------------------------------------------------------------------------------------------
// Payloads

@ObjectType({ description: 'Result of drawInspectionSample.' })
export class DrawInspectionSamplePayload {
  @Field(() => InspectionSampleType, { nullable: true, description: 'The sample drawn.' })
  sample?: InspectionSampleType;

  @Field(() => [UserError], {
    description: 'Problems that prevented the draw; nothing was written when there are any.',
  })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of recordInspectionFinding.' })
export class RecordInspectionFindingPayload {
  @Field(() => InspectionType, { nullable: true, description: 'The inspection as it now stands.' })
  inspection?: InspectionType;

  @Field(() => [UserError], {
    description: 'Problems that prevented the change; nothing was written when there are any.',
  })
  userErrors!: UserError[];
}

function proceedingPayload(name: string) {
  @ObjectType(`${name}Payload`, { description: `Result of ${name[0]!.toLowerCase()}${name.slice(1)}.` })
  class ProceedingPayload {
    @Field(() => RevocationProceedingType, { nullable: true, description: 'The proceeding as it now stands.' })
    proceeding?: RevocationProceedingType;

    @Field(() => [UserError], {
      description: 'Problems that prevented the change; nothing was written when there are any.',
    })
    userErrors!: UserError[];
  }
  return ProceedingPayload;
}

export const StartRevocationPublicNoticePayload = proceedingPayload('StartRevocationPublicNotice');
export const RevokeEnterpriseRegistrationPayload = proceedingPayload('RevokeEnterpriseRegistration');
export const CloseRevocationProceedingPayload = proceedingPayload('CloseRevocationProceeding');
export const AnswerRevocationNoticePayload = proceedingPayload('AnswerRevocationNotice');
