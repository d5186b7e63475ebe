import { ArrayMaxSize, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { UserErrorCode, problem, type Problem } from '../../shared/errors.js';
import { MoneyInput } from '../../shared/graphql/common.types.js';
import { District, EnterpriseKind, Zone } from '../../shared/graphql/reference.types.js';
import { DateScalar } from '../../shared/graphql/scalars.js';
import { IdempotencyKeyField } from '../../shared/idempotency/idempotency.js';
import { parseYuanToFen } from '../../shared/money.js';
import type { Declaration, DeregistrationDeclaration, InvestorData, PersonData } from './registration.declaration.js';
import {
  ClearanceOutcome,
  ClearanceStatus,
  ContributionForm,
  EnterpriseStatus,
  IdDocumentType,
  InvestorKind,
  OfficerPosition,
  RegistrationKind,
  RegistrationStatus,
} from './registration.types.js';
import { MultiLineText } from '../../shared/graphql/text-input.js';
import { NameCommitmentInput } from '../names/index.js';

// Input objects. Their nested items are checked by registration.declaration.ts (one place for the
// form rules, with full paths), not by class-validator decorators.

@InputType({ description: 'A registered address.' })
export class RegisteredAddressInput {
  @Field(() => District, { description: 'District whose registering authority it falls under.' })
  district!: District;

  @Field(() => Zone, {
    defaultValue: Zone.NONE,
    description: 'Special zone the address lies in (must be inside the district).',
  })
  zone!: Zone;

  @Field({ description: 'The address itself (at most 300 characters).' })
  address!: string;

  @Field(() => String, { nullable: true, description: 'Postal code (6 digits).' })
  postalCode?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'An ACTIVE hosting agreement of the applicant (住所托管): the registered address is then its hosted address (the address typed is replaced at submission), and confirmation binds the agreement to the enterprise.',
  })
  hostingAgreementId?: string | null;
}

@InputType({ description: 'A person and the identity document.' })
export class PersonInput {
  @Field({ description: 'Full name.' })
  name!: string;

  @Field(() => IdDocumentType, { description: 'Identity document type.' })
  idType!: IdDocumentType;

  @Field({ description: 'Identity document number (a resident ID card number is checked with its check character).' })
  idNumber!: string;

  @Field({ defaultValue: 'CN', description: 'Nationality, ISO 3166-1 alpha-2.' })
  nationality!: string;

  @Field(() => String, { nullable: true, description: 'Phone number.' })
  phone?: string | null;
}

@InputType({ description: 'An investor and its subscribed capital.' })
export class InvestorInput {
  @Field(() => InvestorKind, { description: 'Person or enterprise.' })
  kind!: InvestorKind;

  @Field({ description: 'Name of the person or enterprise.' })
  name!: string;

  @Field(() => IdDocumentType, { nullable: true, description: 'For a person: identity document type.' })
  idType?: IdDocumentType | null;

  @Field(() => String, { nullable: true, description: 'For a person: identity document number.' })
  idNumber?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'For an enterprise: its unified social credit code (country CN) or foreign registration number.',
  })
  registrationNumber?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'For a foreign enterprise investor: its name in Chinese (e.g. 西门子股份公司 for Siemens AG; at most 200 characters). A name with “（中国）” must use the trade name in it (企业名称登记管理规定 Art. 12); when absent, `name` is read.',
  })
  chineseName?: string | null;

  @Field({ defaultValue: 'CN', description: 'Country or region, ISO 3166-1 alpha-2.' })
  country!: string;

  @Field(() => MoneyInput, { description: 'Capital subscribed.' })
  subscribedCapital!: MoneyInput;

  @Field(() => ContributionForm, { defaultValue: ContributionForm.CURRENCY, description: 'How it is contributed.' })
  contributionForm!: ContributionForm;

  @Field(() => DateScalar, { nullable: true, description: 'Day by which it is to be paid in.' })
  subscribedBy?: string | null;
}

@InputType({ description: 'Articles of association (or partnership agreement).' })
export class ArticlesOfAssociationInput {
  @Field(() => DateScalar, { description: 'Day they were adopted.' })
  adoptedOn!: string;

  @Field({ description: 'Their text.' })
  text!: string;
}

@InputType({ description: 'Term of operation.' })
export class OperatingTermInput {
  @Field({ description: 'True for an indefinite term.' })
  longTerm!: boolean;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of a fixed term (only when not longTerm).' })
  endsOn?: string | null;
}

@InputType({ description: 'A director, supervisor or senior manager.' })
export class OfficerInput {
  @Field({ description: 'Full name.' })
  name!: string;

  @Field(() => OfficerPosition, { description: 'Position.' })
  position!: OfficerPosition;

  @Field(() => IdDocumentType, { description: 'Identity document type.' })
  idType!: IdDocumentType;

  @Field({ description: 'Identity document number.' })
  idNumber!: string;
}

@InputType({ description: 'The registration liaison person.' })
export class LiaisonPersonInput {
  @Field({ description: 'Full name.' })
  name!: string;

  @Field({ description: 'Phone number.' })
  phone!: string;

  @Field(() => String, { nullable: true, description: 'Email address.' })
  email?: string | null;
}

@InputType({ description: 'The person who accepts service of legal documents (foreign-invested enterprises).' })
export class ServiceAgentInput {
  @Field({ description: 'Name of the person or organisation.' })
  name!: string;

  @Field({ description: 'Address for service in China.' })
  address!: string;

  @Field({ description: 'Phone number.' })
  phone!: string;

  @Field(() => String, { nullable: true, description: 'Email address.' })
  email?: string | null;
}

@InputType({
  description:
    'The declared items as they now stand; each save replaces the whole declaration. Leave out what is not known yet; completeness is checked on submission. The name is not typed in: it comes from the name reservation.',
})
export class RegistrationDeclarationInput {
  @Field(() => EnterpriseKind, { nullable: true, description: 'Legal form (must match the name reservation).' })
  kind?: EnterpriseKind | null;

  @Field(() => String, { nullable: true, description: 'GB/T 4754-2017 division code of the main industry, e.g. I65.' })
  industry?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether it is a foreign-invested enterprise.' })
  foreignInvested?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Business scope (at most 2,000 characters).' })
  @MultiLineText()
  businessScope?: string | null;

  @Field(() => RegisteredAddressInput, { nullable: true, description: 'Registered address.' })
  registeredAddress?: RegisteredAddressInput | null;

  @Field(() => MoneyInput, { nullable: true, description: 'Registered capital.' })
  registeredCapital?: MoneyInput | null;

  @Field(() => PersonInput, { nullable: true, description: 'Legal representative.' })
  legalRepresentative?: PersonInput | null;

  @Field(() => [InvestorInput], {
    nullable: true,
    description: 'Investors (at most 50); their subscribed capital adds up to the registered capital.',
  })
  investors?: InvestorInput[] | null;

  @Field(() => ArticlesOfAssociationInput, { nullable: true, description: 'Articles of association.' })
  articlesOfAssociation?: ArticlesOfAssociationInput | null;

  @Field(() => OperatingTermInput, { nullable: true, description: 'Term of operation.' })
  operatingTerm?: OperatingTermInput | null;

  @Field(() => [OfficerInput], {
    nullable: true,
    description: 'Directors, supervisors and senior managers (at most 30).',
  })
  officers?: OfficerInput[] | null;

  @Field(() => LiaisonPersonInput, { nullable: true, description: 'Registration liaison person.' })
  liaison?: LiaisonPersonInput | null;

  @Field(() => ServiceAgentInput, {
    nullable: true,
    description: 'Person accepting service of legal documents (foreign-invested enterprises).',
  })
  serviceAgent?: ServiceAgentInput | null;
}

@InputType({ description: 'What a deregistration application declares.' })
export class DeregistrationDeclarationInput {
  @Field(() => String, { nullable: true, description: 'Why the enterprise ends.' })
  reason?: string | null;

  @Field({
    defaultValue: false,
    description:
      'Simplified deregistration (市场主体登记管理条例 Art. 33): submitted after the enterprise’s 20-day public notice (startSimplifiedDeregistrationNotice) ended without objection, within 20 days of its end (applyBy); refused with the reason for an enterprise on the abnormal-operations list, with frozen or pledged equity or an unpaid fine. An individual business needs no notice. The four departments then clear it as an ordinary deregistration.',
  })
  simplified!: boolean;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Deprecated input, kept for compatibility: on submission it is set from the platform notice the simplified deregistration rests on.',
  })
  publicNoticeFrom?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Day liquidation was completed (ordinary deregistration; not for an individual business).',
  })
  liquidationCompletedOn?: string | null;
}

@InputType({ description: 'Starts or updates a draft application (or one sent back for correction).' })
export class SaveRegistrationDraftInput {
  @Field(() => ID, { nullable: true, description: 'The draft to update; leave out to start a new one.' })
  id?: string | null;

  @Field(() => RegistrationKind, {
    nullable: true,
    description: 'Kind of a new application (required when `id` is absent).',
  })
  kind?: RegistrationKind | null;

  @Field(() => ID, {
    nullable: true,
    description: 'For a new change or deregistration: the enterprise, one the applicant acts for.',
  })
  enterpriseId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "Global ID of the applicant's own name reservation: required for an establishment, for a change only when the name changes. Null removes it.",
  })
  nameReservationId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'For a change of name: the new full name declared directly, without a separate reservation (市场主体登记管理条例实施细则 Art. 34; at most 100 characters). On submission it gets the full name check of checkEnterpriseName (a special name needs `nameCommitment`) and is held for the application while it is under review; it is registered on confirmation and released on withdrawal or refusal. Not together with nameReservationId. Null: keep the enterprise’s name.',
  })
  @IsOptional()
  @MaxLength(100)
  newName?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'For a change: the day the change was decided (apply within 30 days of it).',
  })
  changeDecidedOn?: string | null;

  @Field(() => RegistrationDeclarationInput, {
    nullable: true,
    description:
      'The declared items (establishment, change). Left out: unchanged (a new change starts from the enterprise as registered).',
  })
  declaration?: RegistrationDeclarationInput | null;

  @Field(() => DeregistrationDeclarationInput, {
    nullable: true,
    description: 'For a deregistration: what it declares.',
  })
  deregistration?: DeregistrationDeclarationInput | null;
}

@InputType({ description: 'The credit commitment given on submission.' })
export class CreditCommitmentInput {
  @Field({ description: 'Version of the commitment text agreed to (see registrationCommitmentTerms).' })
  @MaxLength(40)
  termsVersion!: string;

  @Field({ description: 'Must be true.' })
  accepted!: boolean;

  @Field({ description: 'Full name of whoever signs.' })
  @MaxLength(100)
  signatoryName!: string;
}

@InputType({ description: 'Submits an application with the credit commitment.' })
export class SubmitRegistrationApplicationInput {
  @Field(() => ID, { description: 'The draft (or corrected) application.' })
  id!: string;

  @Field(() => CreditCommitmentInput, { description: 'The credit commitment.' })
  commitment!: CreditCommitmentInput;

  @Field(() => NameCommitmentInput, {
    nullable: true,
    description:
      'For a change declaring a special name directly (newName): the written commitment a special name needs, on the current terms (nameCommitmentTerms), as reserveEnterpriseName would ask it. Ignored otherwise.',
  })
  @IsOptional()
  @ValidateNested()
  nameCommitment?: NameCommitmentInput | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType({ description: 'The application to withdraw.' })
export class WithdrawRegistrationApplicationInput {
  @Field(() => ID, { description: 'The application (draft, submitted or awaiting correction).' })
  id!: string;
}

@InputType({ description: 'Confirms a submitted application.' })
export class ConfirmRegistrationApplicationInput {
  @Field(() => ID, { description: 'The application.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Note for the record (at most 1,000 characters).' })
  @IsOptional()
  @MaxLength(1000)
  @MultiLineText()
  note?: string | null;
}

@InputType({ description: 'One thing to correct.' })
export class CorrectionItemInput {
  @Field(() => [String], {
    description:
      'Path of the item, starting with "declaration", "deregistration", "nameReservationId" or "changeDecidedOn".',
  })
  @ArrayMaxSize(8)
  field!: string[];

  @Field({ description: 'What is wrong and what is needed (at most 500 characters).' })
  @MaxLength(500)
  @MultiLineText()
  message!: string;
}

@InputType({ description: 'Asks for corrections: everything in one consolidated list.' })
export class RequestRegistrationCorrectionInput {
  @Field(() => ID, { description: 'The application.' })
  id!: string;

  @Field(() => [CorrectionItemInput], { description: 'Everything to correct (at most 50).' })
  @ArrayMaxSize(50)
  items!: CorrectionItemInput[];
}

@InputType({ description: 'Rejects a submitted application.' })
export class RejectRegistrationApplicationInput {
  @Field(() => ID, { description: 'The application.' })
  id!: string;

  @Field(() => [String], { description: 'The reasons (at least one, at most 20, each at most 500 characters).' })
  @ArrayMaxSize(20)
  @MaxLength(500, { each: true })
  @MultiLineText()
  reasons!: string[];
}

@InputType({ description: 'Extends the review period once by 3 working days.' })
export class ExtendRegistrationReviewInput {
  @Field(() => ID, { description: 'The application.' })
  id!: string;

  @Field({ description: 'Why (at most 500 characters).' })
  @MaxLength(500)
  @MultiLineText()
  reason!: string;
}

@InputType({ description: 'Approves the extension another official asked for.' })
export class ApproveRegistrationReviewExtensionInput {
  @Field(() => ID, { description: 'The application whose extension awaits approval.' })
  id!: string;
}

@InputType({ description: "Records the official's department's clearance of a deregistration." })
export class RecordDeregistrationClearanceInput {
  @Field(() => ID, { description: 'The deregistration application.' })
  id!: string;

  @Field(() => ClearanceOutcome, { description: 'Cleared, or blocked with what is owed.' })
  outcome!: ClearanceOutcome;

  @Field(() => String, {
    nullable: true,
    description: 'What is owed (required when blocked), or a remark (at most 1,000 characters).',
  })
  @IsOptional()
  @MaxLength(1000)
  @MultiLineText()
  note?: string | null;
}

@InputType({ description: 'Which applications to list.' })
export class RegistrationApplicationFilter {
  @Field(() => RegistrationStatus, {
    nullable: true,
    description: 'Only this status (the review queue defaults to SUBMITTED).',
  })
  status?: RegistrationStatus | null;

  @Field(() => RegistrationKind, { nullable: true, description: 'Only this kind.' })
  kind?: RegistrationKind | null;
}

@InputType({ description: 'Which enterprises to list.' })
export class EnterpriseFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name, or a whole unified social credit code.' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;

  @Field(() => District, { nullable: true, description: 'Only this district.' })
  district?: District | null;

  @Field(() => Zone, { nullable: true, description: 'Only this zone.' })
  zone?: Zone | null;

  @Field(() => EnterpriseStatus, { nullable: true, description: 'Only this status.' })
  status?: EnterpriseStatus | null;
}

@InputType({ description: 'Which clearance tasks to list.' })
export class ClearanceTaskFilter {
  @Field(() => ClearanceStatus, { nullable: true, description: 'Only this clearance status (default PENDING).' })
  status?: ClearanceStatus | null;
}

// ---------------------------------------------------------------------------------------------
// From input objects to the stored declaration

/** Fen of an amount; null (and a problem) when the text is not an amount in yuan. */
function fen(money: MoneyInput, field: string[], problems: Problem[]): number {
  // Blank is "not filled in yet" (kept as 0 in a draft, refused as out of range at submission), not malformed.
  if (money.amount.trim() === '') {
    problems.push(problem(UserErrorCode.REQUIRED, 'error.required', [...field, 'amount']));
    return 0;
  }
  const value = parseYuanToFen(money.amount);
  if (value === null) {
    problems.push(problem(UserErrorCode.INVALID_FORMAT, 'registration.invalidAmount', [...field, 'amount']));
    return null as unknown as number;
  }
  return value;
}

function trimOrNull(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  return text.trim();
}

function person(input: PersonInput): PersonData {
  return {
    name: input.name.trim(),
    idType: input.idType,
    idNumber: input.idNumber.trim().toUpperCase(),
    nationality: input.nationality.trim().toUpperCase(),
    phone: trimOrNull(input.phone),
  };
}

/** The stored form of a declaration input; problems for amounts that are not money. */
export function declarationFromInput(
  input: RegistrationDeclarationInput,
  base: string[],
): { declaration: Declaration; problems: Problem[] } {
  const problems: Problem[] = [];
  const investors: InvestorData[] | null =
    input.investors?.map((investor, i) => ({
      kind: investor.kind,
      name: investor.name.trim(),
      idType: investor.kind === 'NATURAL_PERSON' ? (investor.idType ?? null) : null,
      idNumber: investor.kind === 'NATURAL_PERSON' ? (trimOrNull(investor.idNumber)?.toUpperCase() ?? null) : null,
      registrationNumber:
        investor.kind === 'ENTERPRISE' ? (trimOrNull(investor.registrationNumber)?.toUpperCase() ?? null) : null,
      chineseName: investor.kind === 'ENTERPRISE' ? trimOrNull(investor.chineseName) : null,
      country: investor.country.trim().toUpperCase(),
      subscribedCapitalFen: fen(
        investor.subscribedCapital,
        [...base, 'investors', String(i), 'subscribedCapital'],
        problems,
      ),
      contributionForm: investor.contributionForm,
      subscribedBy: investor.subscribedBy ?? null,
    })) ?? null;
  const declaration: Declaration = {
    kind: input.kind ?? null,
    industry: trimOrNull(input.industry)?.toUpperCase() ?? null,
    foreignInvested: input.foreignInvested ?? null,
    businessScope: trimOrNull(input.businessScope),
    registeredAddress: input.registeredAddress
      ? {
          district: input.registeredAddress.district,
          zone: input.registeredAddress.zone ?? 'NONE',
          address: input.registeredAddress.address.trim(),
          postalCode: trimOrNull(input.registeredAddress.postalCode),
          hostingAgreementId: trimOrNull(input.registeredAddress.hostingAgreementId) || null,
        }
      : null,
    registeredCapitalFen: input.registeredCapital
      ? fen(input.registeredCapital, [...base, 'registeredCapital'], problems)
      : null,
    legalRepresentative: input.legalRepresentative ? person(input.legalRepresentative) : null,
    investors,
    articlesOfAssociation: input.articlesOfAssociation
      ? { adoptedOn: input.articlesOfAssociation.adoptedOn, text: input.articlesOfAssociation.text }
      : null,
    operatingTerm: input.operatingTerm
      ? { longTerm: input.operatingTerm.longTerm, endsOn: input.operatingTerm.endsOn ?? null }
      : null,
    officers:
      input.officers?.map((officer) => ({
        name: officer.name.trim(),
        position: officer.position,
        idType: officer.idType,
        idNumber: officer.idNumber.trim().toUpperCase(),
      })) ?? null,
    liaison: input.liaison
      ? { name: input.liaison.name.trim(), phone: input.liaison.phone.trim(), email: trimOrNull(input.liaison.email) }
      : null,
    serviceAgent: input.serviceAgent
      ? {
          name: input.serviceAgent.name.trim(),
          address: input.serviceAgent.address.trim(),
          phone: input.serviceAgent.phone.trim(),
          email: trimOrNull(input.serviceAgent.email),
        }
      : null,
  };
  return { declaration, problems };
}

export function deregistrationFromInput(input: DeregistrationDeclarationInput): DeregistrationDeclaration {
  return {
    reason: trimOrNull(input.reason),
    simplified: input.simplified ?? false,
    publicNoticeFrom: input.publicNoticeFrom ?? null,
    liquidationCompletedOn: input.liquidationCompletedOn ?? null,
  };
}
