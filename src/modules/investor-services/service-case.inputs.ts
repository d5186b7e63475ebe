import { ArrayMaxSize, IsNotEmpty, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LocaleCode } from '../../shared/graphql/common.types.js';
import { DateScalar } from '../../shared/graphql/scalars.js';
import { MultiLineText } from '../../shared/graphql/text-input.js';
import {
  ConfidentialKind,
  ServiceCaseDeclineReason,
  ServiceCaseKind,
  ServiceCaseOutcome,
  ServiceCaseStatus,
} from './service-case.enums.js';

const CONFIDENTIAL_RULE =
  'Confidential parts and attachments are visible only to the submitter and the officials handling the case (its assignee and the official who decided on acceptance) — not to other officials, banks, partners or the public.';

@InputType({ description: `A consultation, complaint or suggestion. ${CONFIDENTIAL_RULE}` })
export class SubmitServiceCaseInput {
  @Field(() => ServiceCaseKind, { description: 'Consultation, complaint or suggestion.' })
  kind!: ServiceCaseKind;

  @Field({ description: 'A category code from serviceCaseCategories.' })
  @MaxLength(40)
  category!: string;

  @Field({ description: 'A short subject line (at most 200 characters).' })
  @IsNotEmpty()
  @MaxLength(200)
  subject!: string;

  @Field({
    description:
      'The matter: facts, evidence and reasons (at most 10,000 characters). Not confidential: put trade secrets and personal information in confidentialDetails.',
  })
  @IsNotEmpty()
  @MaxLength(10000)
  @MultiLineText()
  body!: string;

  @Field(() => LocaleCode, { description: 'The language to be answered in: English or Chinese.' })
  language!: LocaleCode;

  @Field(() => ID, {
    nullable: true,
    description: 'The foreign-invested enterprise you act for; leave out to submit as a foreign investor yourself.',
  })
  @IsOptional()
  enterpriseId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Complaints: the authority (or organisation, or staff) complained about.',
  })
  @IsOptional()
  @MaxLength(200)
  respondent?: string | null;

  @Field(() => String, { nullable: true, description: 'Complaints: how to reach the respondent, if known.' })
  @IsOptional()
  @MaxLength(200)
  respondentContact?: string | null;

  @Field(() => String, { nullable: true, description: 'Complaints: the administrative act complained about.' })
  @IsOptional()
  @MaxLength(5000)
  @MultiLineText()
  administrativeAct?: string | null;

  @Field(() => String, { nullable: true, description: 'Complaints: what you ask for.' })
  @IsOptional()
  @MaxLength(5000)
  @MultiLineText()
  request?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Complaints (required): whether the same matter is in administrative reconsideration or litigation.',
  })
  @IsOptional()
  inReconsiderationOrLitigation?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: `Trade secrets, confidential business information or personal information the office needs (at most 10,000 characters). ${CONFIDENTIAL_RULE}`,
  })
  @IsOptional()
  @MaxLength(10000)
  @MultiLineText()
  confidentialDetails?: string | null;

  @Field(() => [ConfidentialKind], {
    nullable: true,
    description: 'What confidentialDetails contains (required with it).',
  })
  @IsOptional()
  @ArrayMaxSize(2)
  confidentialKinds?: ConfidentialKind[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: `Ids returned by POST /uploads (PDF, JPEG or PNG, at most 10 MB each, at most 10 per case). ${CONFIDENTIAL_RULE}`,
  })
  @IsOptional()
  @ArrayMaxSize(10)
  attachmentIds?: string[] | null;
}

@InputType({ description: 'The case to withdraw.' })
export class WithdrawServiceCaseInput {
  @Field(() => ID, { description: 'Global ID of your case.' })
  id!: string;
}

@InputType({ description: 'The complaint to accept.' })
export class AcceptServiceCaseInput {
  @Field(() => ID, { description: 'Global ID of the complaint.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'A note to the complainant.' })
  @IsOptional()
  @MaxLength(2000)
  @MultiLineText()
  note?: string | null;
}

@InputType({ description: 'A complaint not accepted, with its reason.' })
export class DeclineServiceCaseInput {
  @Field(() => ID, { description: 'Global ID of the complaint.' })
  id!: string;

  @Field(() => ServiceCaseDeclineReason, { nullable: true, description: 'The reason, from the list (required).' })
  @IsOptional()
  reason?: ServiceCaseDeclineReason | null;

  @Field(() => String, { nullable: true, description: 'The reasons in writing, in the case’s language.' })
  @IsOptional()
  @MaxLength(5000)
  @MultiLineText()
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'With OUTSIDE_REMIT (required): the office that is competent.' })
  @IsOptional()
  @MaxLength(200)
  competentOffice?: string | null;
}

@InputType({ description: 'One consolidated notice of everything missing from a complaint.' })
export class RequestServiceCaseMaterialsInput {
  @Field(() => ID, { description: 'Global ID of the complaint.' })
  id!: string;

  @Field({ description: 'Everything that is missing, in one notice (only one notice is allowed).' })
  @IsNotEmpty()
  @MaxLength(5000)
  @MultiLineText()
  missing!: string;
}

@InputType({ description: 'The missing materials of a complaint.' })
export class SupplyServiceCaseMaterialsInput {
  @Field(() => ID, { description: 'Global ID of your complaint.' })
  id!: string;

  @Field({ description: 'What you send (at most 10,000 characters).' })
  @IsNotEmpty()
  @MaxLength(10000)
  @MultiLineText()
  body!: string;

  @Field(() => Boolean, { nullable: true, description: `Whether the text is confidential. ${CONFIDENTIAL_RULE}` })
  @IsOptional()
  confidential?: boolean | null;

  @Field(() => [ID], { nullable: true, description: 'Ids returned by POST /uploads.' })
  @IsOptional()
  @ArrayMaxSize(10)
  attachmentIds?: string[] | null;
}

@InputType({ description: 'Who handles a case.' })
export class AssignServiceCaseInput {
  @Field(() => ID, { description: 'Global ID of the case.' })
  id!: string;

  @Field(() => ID, { description: 'Global ID of a commerce official.' })
  assigneeId!: string;
}

@InputType({ description: 'A message on a case, or an internal note.' })
export class PostCaseMessageInput {
  @Field(() => ID, { description: 'Global ID of the case.' })
  caseId!: string;

  @Field({ description: 'The text (at most 10,000 characters), in the case’s language.' })
  @IsNotEmpty()
  @MaxLength(10000)
  @MultiLineText()
  body!: string;

  @Field(() => Boolean, { nullable: true, description: 'Officials: an internal note, never shown to the investor.' })
  @IsOptional()
  internal?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: `The investor: whether the text is confidential. ${CONFIDENTIAL_RULE}`,
  })
  @IsOptional()
  confidential?: boolean | null;

  @Field(() => [ID], { nullable: true, description: 'The investor: ids returned by POST /uploads.' })
  @IsOptional()
  @ArrayMaxSize(10)
  attachmentIds?: string[] | null;
}

@InputType({ description: 'The one extension of a case’s deadline.' })
export class ExtendServiceCaseInput {
  @Field(() => ID, { description: 'Global ID of the case.' })
  id!: string;

  @Field(() => DateScalar, { description: 'The new deadline: a working day after the current one.' })
  newResolveBy!: string;

  @Field({ description: 'Why (many departments involved, a complex case…); told to the investor.' })
  @IsNotEmpty()
  @MaxLength(2000)
  @MultiLineText()
  reason!: string;
}

@InputType({ description: 'How a case ended.' })
export class ResolveServiceCaseInput {
  @Field(() => ID, { description: 'Global ID of the case.' })
  id!: string;

  @Field(() => ServiceCaseOutcome, {
    description:
      'Complaints: RESOLVED_BY_COORDINATION, UNDERSTANDING_REACHED or COMPLAINANT_NOT_COOPERATING; consultations and suggestions: ANSWERED.',
  })
  outcome!: ServiceCaseOutcome;

  @Field({ description: 'The result or answer, in the case’s language.' })
  @IsNotEmpty()
  @MaxLength(10000)
  @MultiLineText()
  summary!: string;
}

@InputType({ description: 'A case outside this office’s competence, passed on.' })
export class ReferServiceCaseInput {
  @Field(() => ID, { description: 'Global ID of the case.' })
  id!: string;

  @Field({ description: 'The competent office.' })
  @MaxLength(200)
  competentOffice!: string;

  @Field(() => String, { nullable: true, description: 'A note to the investor.' })
  @IsOptional()
  @MaxLength(2000)
  @MultiLineText()
  note?: string | null;
}

@InputType({ description: 'How the investor rates the handling.' })
export class RateServiceCaseInput {
  @Field(() => ID, { description: 'Global ID of your resolved case.' })
  id!: string;

  @Field(() => Int, { description: '1 (poor) to 5 (excellent).' })
  score!: number;

  @Field(() => String, { nullable: true, description: 'A comment.' })
  @IsOptional()
  @MaxLength(2000)
  @MultiLineText()
  comment?: string | null;
}

@InputType({ description: 'An anonymised summary of a resolved case to publish.' })
export class PublishTypicalCaseInput {
  @Field(() => ID, { description: 'Global ID of the resolved case.' })
  caseId!: string;

  @Field({ description: 'The title (no names).' })
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @Field({ description: 'The approved, anonymised text: no names of the investor or its enterprise.' })
  @IsNotEmpty()
  @MaxLength(10000)
  @MultiLineText()
  summary!: string;

  @Field(() => LocaleCode, { nullable: true, description: 'The language of the text (default: the case’s).' })
  @IsOptional()
  language?: LocaleCode | null;
}

@InputType({ description: 'The new text of a published typical case.' })
export class UpdateTypicalCaseInput {
  @Field(() => ID, { description: 'Global ID of the typical case.' })
  id!: string;

  @Field({ description: 'The title (no names).' })
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @Field({ description: 'The approved, anonymised text: no names of the investor or its enterprise.' })
  @IsNotEmpty()
  @MaxLength(10000)
  @MultiLineText()
  summary!: string;

  @Field(() => LocaleCode, { nullable: true, description: 'The language of the text (default: unchanged).' })
  @IsOptional()
  language?: LocaleCode | null;
}

@InputType({ description: 'A typical case to take down, and why.' })
export class WithdrawTypicalCaseInput {
  @Field(() => ID, { description: 'Global ID of the typical case.' })
  id!: string;

  @Field({ description: 'Why it is withdrawn (kept in the record, not published).' })
  @IsNotEmpty()
  @MaxLength(1000)
  @MultiLineText()
  reason!: string;
}

@InputType({ description: 'The configurable answer deadlines.' })
export class UpdateServiceCaseSettingsInput {
  @Field(() => Int, { description: 'Working days to answer a consultation (1–60, default 5).' })
  consultationWorkingDays!: number;

  @Field(() => Int, { description: 'Working days to answer a suggestion (1–60, default 20).' })
  suggestionWorkingDays!: number;
}

@InputType({ description: 'Which of your own cases.' })
export class MyServiceCaseFilter {
  @Field(() => ServiceCaseStatus, { nullable: true, description: 'Only cases in this status.' })
  @IsOptional()
  status?: ServiceCaseStatus | null;
}

@InputType({ description: 'Which cases (every field narrows the list).' })
export class ServiceCaseFilter {
  @Field(() => ServiceCaseKind, { nullable: true, description: 'Only this kind.' })
  @IsOptional()
  kind?: ServiceCaseKind | null;

  @Field(() => ServiceCaseStatus, { nullable: true, description: 'Only this status.' })
  @IsOptional()
  status?: ServiceCaseStatus | null;

  @Field(() => String, { nullable: true, description: 'Only this category code.' })
  @IsOptional()
  @MaxLength(40)
  category?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only overdue cases (true) or only cases not overdue (false), by today’s calendar.',
  })
  @IsOptional()
  overdue?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only cases assigned to you.' })
  @IsOptional()
  assignedToMe?: boolean | null;
}

@InputType({ description: 'Which typical cases.' })
export class TypicalCaseFilter {
  @Field(() => String, { nullable: true, description: 'Words to find in the title or summary.' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this category code.' })
  @IsOptional()
  @MaxLength(40)
  category?: string | null;

  @Field(() => ServiceCaseKind, { nullable: true, description: 'Only this kind.' })
  @IsOptional()
  kind?: ServiceCaseKind | null;
}
