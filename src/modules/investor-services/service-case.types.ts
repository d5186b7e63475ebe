import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { LocaleCode, UserError } from '../../shared/graphql/common.types.js';
import { ConnectionType } from '../../shared/graphql/connection.js';
import { Node } from '../../shared/graphql/node.js';
import { DateScalar } from '../../shared/graphql/scalars.js';
import {
  CaseMessageAuthor,
  ConfidentialKind,
  ServiceCaseDeclineReason,
  ServiceCaseKind,
  ServiceCaseOutcome,
  ServiceCaseStatus,
} from './service-case.enums.js';

// The GraphQL shapes of foreign-investment services (api.md "Foreign-investment consultations,
// complaints, suggestions"). Most fields read the entity by name; computed and guarded ones are
// field resolvers in service-case.resolver.ts.

export const CONFIDENTIALITY_RULE =
  'Confidentiality: the parts the investor marked as trade secrets or personal information (confidentialDetails, confidential messages) and every attachment are visible only to the submitter and the officials handling the case — its assignee and the official who decided on its acceptance. Other commerce officials see the rest of the case; nobody else (other departments, banks, host agents, partners, administrators, the public) sees the case at all. Hidden parts read as null or empty, exactly as if they did not exist.';

@ObjectType('ServiceCase', {
  implements: Node,
  description: `A foreign investor's consultation, complaint or suggestion to the commerce department (外商投资企业投诉工作办法). Deadlines are counted in working days on the platform's calendar each time they are read. ${CONFIDENTIALITY_RULE}`,
})
export class ServiceCaseType extends Node {
  @Field({ description: 'The case number, e.g. WZ2026000012.' })
  number!: string;

  @Field(() => ServiceCaseKind, { description: 'Consultation, complaint or suggestion.' })
  kind!: ServiceCaseKind;

  @Field({ description: 'The category code (see serviceCaseCategories).' })
  category!: string;

  @Field({ description: 'The subject line.' })
  subject!: string;

  @Field({ description: 'The matter as the investor described it (not confidential).' })
  body!: string;

  @Field(() => LocaleCode, { description: 'The language the investor chose; the office replies in it.' })
  language!: LocaleCode;

  @Field(() => ServiceCaseStatus, { description: 'Where the case stands.' })
  status!: ServiceCaseStatus;

  @Field(() => String, { nullable: true, description: 'Complaints: the authority complained about.' })
  respondent!: string | null;

  @Field(() => String, { nullable: true, description: 'Complaints: how to reach the respondent.' })
  respondentContact!: string | null;

  @Field(() => String, { nullable: true, description: 'Complaints: the administrative act complained about.' })
  administrativeAct!: string | null;

  @Field(() => String, { nullable: true, description: 'Complaints: what the complainant asks for.' })
  request!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Complaints: whether the same matter is in administrative reconsideration or litigation.',
  })
  inReconsiderationOrLitigation!: boolean | null;

  @Field(() => [ConfidentialKind], { description: 'What the confidential part contains (empty when there is none).' })
  confidentialKinds!: ConfidentialKind[];

  @Field(() => Date, { description: 'When the case was submitted.' })
  submittedAt!: Date;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The one extended deadline, when the office extended it (with extensionReason).',
  })
  extendedResolveBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the deadline was extended.' })
  extensionReason!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The one consolidated notice of missing materials, when the office sent one.',
  })
  materialsRequest!: string | null;

  @Field(() => Date, { nullable: true, description: 'When missing materials were requested.' })
  materialsRequestedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the missing materials arrived.' })
  materialsSuppliedAt!: Date | null;

  @Field(() => Date, { description: 'When anything about the case last changed.' })
  updatedAt!: Date;
}

@ObjectType('ServiceCaseAttachment', { description: `A file attached to a case. ${CONFIDENTIALITY_RULE}` })
export class ServiceCaseAttachmentType {
  @Field(() => ID, { description: 'The file id (as returned by POST /uploads).' })
  id!: string;

  @Field({ description: 'The sanitised file name.' })
  name!: string;

  @Field({ description: 'application/pdf, image/jpeg or image/png, recognised from the content.' })
  contentType!: string;

  @Field(() => Int, { description: 'Size in bytes.' })
  size!: number;

  @Field({ description: 'Where to download it: GET with the same Authorization header.' })
  url!: string;
}

@ObjectType('ServiceCaseMessage', {
  description: `A message between the investor and the office, or an internal note (officials only). ${CONFIDENTIALITY_RULE}`,
})
export class ServiceCaseMessageType {
  @Field(() => ID, { description: 'Identifier of the message.' })
  id!: string;

  @Field(() => CaseMessageAuthor, { description: 'Who wrote it.' })
  authorRole!: CaseMessageAuthor;

  @Field({ description: 'The text.' })
  body!: string;

  @Field({ description: 'An internal note: commerce officials only, never the investor.' })
  internal!: boolean;

  @Field({ description: 'Marked confidential by the investor.' })
  confidential!: boolean;

  @Field(() => Date, { description: 'When it was written.' })
  createdAt!: Date;
}
export const ServiceCaseMessageConnection = ConnectionType(
  ServiceCaseMessageType,
  'ServiceCaseMessage',
  'case message',
);

@ObjectType('ServiceCaseDecision', { description: 'The decision on accepting a complaint.' })
export class ServiceCaseDecisionType {
  @Field({ description: 'Whether the complaint was accepted.' })
  accepted!: boolean;

  @Field(() => DateScalar, { description: 'The day of the decision.' })
  decidedOn!: string;

  @Field(() => ServiceCaseDeclineReason, { nullable: true, description: 'Why it was not accepted.' })
  reason!: ServiceCaseDeclineReason | null;

  @Field(() => String, { nullable: true, description: 'The written reasons or note.' })
  note!: string | null;

  @Field(() => String, { nullable: true, description: 'The competent office, for OUTSIDE_REMIT.' })
  competentOffice!: string | null;

  @Field({
    description:
      'The decision as written to the complainant, in the case’s language; it says that the complainant may turn to the complaint office at the next higher level.',
  })
  notice!: string;
}

@ObjectType('ServiceCaseResolution', { description: 'How a case ended.' })
export class ServiceCaseResolutionType {
  @Field(() => ServiceCaseOutcome, { description: 'The recorded outcome.' })
  outcome!: ServiceCaseOutcome;

  @Field(() => String, { nullable: true, description: 'The result or answer (resolved cases).' })
  summary!: string | null;

  @Field(() => String, { nullable: true, description: 'The competent office (referred cases).' })
  competentOffice!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was resolved.' })
  resolvedOn!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether it was resolved by its deadline.' })
  onTime!: boolean | null;
}

@ObjectType('ServiceCaseRating', { description: 'The investor’s rating of the handling.' })
export class ServiceCaseRatingType {
  @Field(() => Int, { description: '1 (poor) to 5 (excellent).' })
  score!: number;

  @Field(() => String, { nullable: true, description: 'The comment.' })
  comment!: string | null;

  @Field(() => Date, { description: 'When it was given.' })
  ratedAt!: Date;
}

@ObjectType('ServiceCaseHistoryEntry', {
  description: 'One step of a case. The investor does not see internal notes or assignments.',
})
export class ServiceCaseHistoryEntryType {
  @Field({ description: 'What happened, e.g. "investorServices.accept".' })
  action!: string;

  @Field(() => ServiceCaseStatus, { nullable: true, description: 'The status after the step.' })
  status!: ServiceCaseStatus | null;

  @Field(() => Date, { description: 'When.' })
  at!: Date;
}

@ObjectType('ServiceCaseCategory', { description: 'A category a case may be filed under.' })
export class ServiceCaseCategoryType {
  @Field({ description: 'The code to submit.' })
  code!: string;

  @Field({ description: "The name in the caller's language." })
  label!: string;
}

@ObjectType('ServiceCaseCount', { description: 'How many cases have one value.' })
export class ServiceCaseCountType {
  @Field({ description: 'The value: a kind, category or status code, or a month (YYYY-MM).' })
  key!: string;

  @Field(() => Int, { description: 'How many cases.' })
  count!: number;
}

@ObjectType('ServiceCaseStats', { description: 'Figures over the cases submitted in a period.' })
export class ServiceCaseStatsType {
  @Field(() => DateScalar, { description: 'First day (Asia/Shanghai), included.' })
  from!: string;

  @Field(() => DateScalar, { description: 'Last day, included.' })
  to!: string;

  @Field(() => Int, { description: 'Cases submitted in the period.' })
  total!: number;

  @Field(() => [ServiceCaseCountType], { description: 'By kind.' })
  byKind!: ServiceCaseCountType[];

  @Field(() => [ServiceCaseCountType], { description: 'By category.' })
  byCategory!: ServiceCaseCountType[];

  @Field(() => [ServiceCaseCountType], { description: 'By status now.' })
  byStatus!: ServiceCaseCountType[];

  @Field(() => [ServiceCaseCountType], { description: 'By month of submission (YYYY-MM), every month of the period.' })
  byMonth!: ServiceCaseCountType[];

  @Field(() => Float, {
    nullable: true,
    description: 'Share (0–1) of complaints decided on by their acceptance deadline; null when none was decided.',
  })
  onTimeAcceptanceRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Share (0–1) of resolved cases resolved by their deadline (extension included); null when none was resolved.',
  })
  onTimeResolutionRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Median working days from submission to resolution; null when none was resolved.',
  })
  medianWorkingDaysToResolve!: number | null;

  @Field(() => Float, { nullable: true, description: 'Average rating (1–5); null when none was rated.' })
  averageRating!: number | null;

  @Field(() => Int, { description: 'Cases overdue today.' })
  overdue!: number;
}

@ObjectType('TypicalCase', {
  implements: Node,
  description: 'An anonymised summary of a resolved case, published by the commerce department. Public.',
})
export class TypicalCaseType extends Node {
  @Field({ description: 'The title.' })
  title!: string;

  @Field({ description: 'The approved, anonymised text.' })
  summary!: string;

  @Field(() => ServiceCaseKind, { description: 'The kind of case.' })
  kind!: ServiceCaseKind;

  @Field({ description: 'The category code.' })
  category!: string;

  @Field(() => LocaleCode, { description: 'The language of the text.' })
  language!: LocaleCode;

  @Field(() => ServiceCaseOutcome, { description: 'How the case ended.' })
  outcome!: ServiceCaseOutcome;

  @Field(() => Date, { description: 'When it was published.' })
  publishedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When its text was last edited after publication.' })
  editedAt!: Date | null;
}
export const TypicalCaseConnection = ConnectionType(TypicalCaseType, 'TypicalCase', 'typical case');
export const ServiceCaseConnection = ConnectionType(ServiceCaseType, 'ServiceCase', 'service case');

@ObjectType('ServiceCaseSettings', { description: 'The configurable answer deadlines.' })
export class ServiceCaseSettingsType {
  @Field(() => Int, { description: 'Working days to answer a consultation.' })
  consultationWorkingDays!: number;

  @Field(() => Int, { description: 'Working days to answer a suggestion.' })
  suggestionWorkingDays!: number;

  @Field(() => Int, { description: 'Working days to decide on a complaint’s acceptance (fixed by law: 7).' })
  acceptanceWorkingDays!: number;

  @Field(() => Int, { description: 'Working days to conclude an accepted complaint (fixed by law: 60).' })
  resolutionWorkingDays!: number;
}

function payload(
  name: string,
  field: 'serviceCase' | 'typicalCase' | 'settings',
  type: () => unknown,
  description: string,
) {
  class Payload {
    userErrors!: UserError[];
  }
  Field(type as () => ServiceCaseType, { nullable: true, description: 'The changed object; null when refused.' })(
    Payload.prototype,
    field,
  );
  Field(() => [UserError], { description: 'What was wrong; empty on success.' })(Payload.prototype, 'userErrors');
  ObjectType(name, { description })(Payload);
  Object.defineProperty(Payload, 'name', { value: name });
  return Payload;
}

@ObjectType('SubmitServiceCasePayload', { description: 'The submitted case and its acknowledgement.' })
export class SubmitServiceCasePayload {
  @Field(() => ServiceCaseType, { nullable: true, description: 'The new case; null when refused.' })
  serviceCase!: unknown;

  @Field(() => String, {
    nullable: true,
    description:
      'The acknowledgement in the case’s language: the case number, the deadlines and, for a complaint, that complaining does not give up the right to administrative reconsideration or litigation.',
  })
  acknowledgement!: string | null;

  @Field(() => [UserError], { description: 'What was wrong; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType('PostCaseMessagePayload', { description: 'The posted message and its case.' })
export class PostCaseMessagePayload {
  @Field(() => ServiceCaseType, { nullable: true, description: 'The case; null when refused.' })
  serviceCase!: unknown;

  @Field(() => ServiceCaseMessageType, { nullable: true, description: 'The new message; null when refused.' })
  message!: unknown;

  @Field(() => [UserError], { description: 'What was wrong; empty on success.' })
  userErrors!: UserError[];
}

export const WithdrawServiceCasePayload = payload(
  'WithdrawServiceCasePayload',
  'serviceCase',
  () => ServiceCaseType,
  'The withdrawn case.',
);
export const AcceptServiceCasePayload = payload(
  'AcceptServiceCasePayload',
  'serviceCase',
  () => ServiceCaseType,
  'The accepted complaint.',
);
export const DeclineServiceCasePayload = payload(
  'DeclineServiceCasePayload',
  'serviceCase',
  () => ServiceCaseType,
  'The complaint not accepted.',
);
export const RequestServiceCaseMaterialsPayload = payload(
  'RequestServiceCaseMaterialsPayload',
  'serviceCase',
  () => ServiceCaseType,
  'The complaint waiting for materials.',
);
export const SupplyServiceCaseMaterialsPayload = payload(
  'SupplyServiceCaseMaterialsPayload',
  'serviceCase',
  () => ServiceCaseType,
  'The complaint with its materials complete.',
);
export const AssignServiceCasePayload = payload(
  'AssignServiceCasePayload',
  'serviceCase',
  () => ServiceCaseType,
  'The assigned case.',
);
export const ExtendServiceCasePayload = payload(
  'ExtendServiceCasePayload',
  'serviceCase',
  () => ServiceCaseType,
  'The extended case.',
);
export const ResolveServiceCasePayload = payload(
  'ResolveServiceCasePayload',
  'serviceCase',
  () => ServiceCaseType,
  'The resolved case.',
);
export const ReferServiceCasePayload = payload(
  'ReferServiceCasePayload',
  'serviceCase',
  () => ServiceCaseType,
  'The referred case.',
);
export const RateServiceCasePayload = payload(
  'RateServiceCasePayload',
  'serviceCase',
  () => ServiceCaseType,
  'The rated case.',
);
export const PublishTypicalCasePayload = payload(
  'PublishTypicalCasePayload',
  'typicalCase',
  () => TypicalCaseType,
  'The published typical case.',
);
export const UpdateServiceCaseSettingsPayload = payload(
  'UpdateServiceCaseSettingsPayload',
  'settings',
  () => ServiceCaseSettingsType,
  'The new settings.',
);
export const UpdateTypicalCasePayload = payload(
  'UpdateTypicalCasePayload',
  'typicalCase',
  () => TypicalCaseType,
  'The typical case with its new text.',
);
export const WithdrawTypicalCasePayload = payload(
  'WithdrawTypicalCasePayload',
  'typicalCase',
  () => TypicalCaseType,
  'The withdrawn typical case (no longer published).',
);
