import type {
  ContributionForm,
  DeclarationFieldsFragment,
  District,
  EnterpriseKind,
  IdDocumentType,
  InvestorKind,
  OfficerPosition,
  RegistrationDeclarationInput,
  Zone,
} from '../gql/graphql';

// The application form's state (strings as the inputs hold them) and its conversions to and from
// the API's RegistrationDeclarationInput. Empty optional parts are left out rather than sent blank,
// so the API reports what is missing at submission, at the right path.

export interface PersonForm {
  name: string;
  idType: IdDocumentType;
  idNumber: string;
  nationality: string;
  phone: string;
}

export interface InvestorForm {
  kind: InvestorKind;
  name: string;
  idType: IdDocumentType;
  idNumber: string;
  registrationNumber: string;
  country: string;
  subscribedCapital: string;
  contributionForm: ContributionForm;
  subscribedBy: string;
}

export interface OfficerForm {
  position: OfficerPosition;
  name: string;
  idType: IdDocumentType;
  idNumber: string;
}

export interface DeclarationForm {
  kind: EnterpriseKind | '';
  industry: string;
  foreignInvested: boolean;
  businessScope: string;
  address: string;
  district: District | '';
  zone: Zone;
  postalCode: string;
  /** An ACTIVE hosting agreement whose hosted address is the registered address, or ''. */
  hostingAgreementId: string;
  registeredCapital: string;
  longTerm: boolean;
  endsOn: string;
  articlesText: string;
  articlesAdoptedOn: string;
  legalRepresentative: PersonForm;
  liaisonName: string;
  liaisonPhone: string;
  liaisonEmail: string;
  investors: InvestorForm[];
  officers: OfficerForm[];
  agentName: string;
  agentAddress: string;
  agentPhone: string;
  agentEmail: string;
}

export const emptyPerson = (): PersonForm => ({
  name: '',
  idType: 'RESIDENT_ID_CARD',
  idNumber: '',
  nationality: 'CN',
  phone: '',
});

export const emptyInvestor = (): InvestorForm => ({
  kind: 'NATURAL_PERSON',
  name: '',
  idType: 'RESIDENT_ID_CARD',
  idNumber: '',
  registrationNumber: '',
  country: 'CN',
  subscribedCapital: '',
  contributionForm: 'CURRENCY',
  subscribedBy: '',
});

export const emptyOfficer = (): OfficerForm => ({
  position: 'EXECUTIVE_DIRECTOR',
  name: '',
  idType: 'RESIDENT_ID_CARD',
  idNumber: '',
});

export function emptyForm(defaults: Partial<DeclarationForm> = {}): DeclarationForm {
  return {
    kind: '',
    industry: '',
    foreignInvested: false,
    businessScope: '',
    address: '',
    district: '',
    zone: 'NONE',
    postalCode: '',
    hostingAgreementId: '',
    registeredCapital: '',
    longTerm: true,
    endsOn: '',
    articlesText: '',
    articlesAdoptedOn: '',
    legalRepresentative: emptyPerson(),
    liaisonName: '',
    liaisonPhone: '',
    liaisonEmail: '',
    investors: [],
    officers: [],
    agentName: '',
    agentAddress: '',
    agentPhone: '',
    agentEmail: '',
    ...defaults,
  };
}

const text = (value: string) => value.trim();
const optional = (value: string) => (value.trim() ? value.trim() : null);
const money = (amount: string) => ({ amount: amount.trim().replace(/,/g, ''), currency: 'CNY' as const });

export function toDeclarationInput(form: DeclarationForm): RegistrationDeclarationInput {
  const input: RegistrationDeclarationInput = {
    foreignInvested: form.foreignInvested,
    businessScope: optional(form.businessScope),
    industry: optional(form.industry)?.toUpperCase() ?? null,
    operatingTerm: { longTerm: form.longTerm, endsOn: form.longTerm ? null : optional(form.endsOn) },
    investors: form.investors.map((investor) => ({
      kind: investor.kind,
      name: text(investor.name),
      country: text(investor.country).toUpperCase() || 'CN',
      contributionForm: investor.contributionForm,
      subscribedCapital: money(investor.subscribedCapital),
      subscribedBy: optional(investor.subscribedBy),
      ...(investor.kind === 'NATURAL_PERSON'
        ? { idType: investor.idType, idNumber: text(investor.idNumber) }
        : { registrationNumber: text(investor.registrationNumber) }),
    })),
    officers: form.officers.map((officer) => ({
      position: officer.position,
      name: text(officer.name),
      idType: officer.idType,
      idNumber: text(officer.idNumber),
    })),
  };
  if (form.kind) input.kind = form.kind;
  if (form.district && (form.address.trim() || form.postalCode.trim())) {
    input.registeredAddress = {
      address: text(form.address),
      district: form.district,
      zone: form.zone,
      postalCode: optional(form.postalCode),
      ...(form.hostingAgreementId ? { hostingAgreementId: form.hostingAgreementId } : {}),
    };
  }
  if (form.registeredCapital.trim()) input.registeredCapital = money(form.registeredCapital);
  const person = form.legalRepresentative;
  if (person.name.trim() || person.idNumber.trim()) {
    input.legalRepresentative = {
      name: text(person.name),
      idType: person.idType,
      idNumber: text(person.idNumber),
      nationality: text(person.nationality).toUpperCase() || 'CN',
      phone: optional(person.phone),
    };
  }
  if (form.liaisonName.trim() || form.liaisonPhone.trim()) {
    input.liaison = {
      name: text(form.liaisonName),
      phone: text(form.liaisonPhone),
      email: optional(form.liaisonEmail),
    };
  }
  if (form.articlesText.trim() && form.articlesAdoptedOn) {
    input.articlesOfAssociation = { text: text(form.articlesText), adoptedOn: form.articlesAdoptedOn };
  }
  if (form.foreignInvested && (form.agentName.trim() || form.agentAddress.trim())) {
    input.serviceAgent = {
      name: text(form.agentName),
      address: text(form.agentAddress),
      phone: text(form.agentPhone),
      email: optional(form.agentEmail),
    };
  }
  return input;
}

export function fromDeclaration(d: DeclarationFieldsFragment): DeclarationForm {
  return emptyForm({
    kind: d.kind ?? '',
    industry: d.industry?.code ?? '',
    foreignInvested: d.foreignInvested ?? false,
    businessScope: d.businessScope ?? '',
    address: d.registeredAddress?.address ?? '',
    district: d.registeredAddress?.district ?? '',
    zone: d.registeredAddress?.zone ?? 'NONE',
    postalCode: d.registeredAddress?.postalCode ?? '',
    hostingAgreementId: d.registeredAddress?.hostingAgreementId ?? '',
    registeredCapital: d.registeredCapital?.amount ?? '',
    longTerm: d.operatingTerm?.longTerm ?? true,
    endsOn: d.operatingTerm?.endsOn ?? '',
    articlesText: d.articlesOfAssociation?.text ?? '',
    articlesAdoptedOn: d.articlesOfAssociation?.adoptedOn ?? '',
    legalRepresentative: d.legalRepresentative
      ? {
          name: d.legalRepresentative.name,
          idType: d.legalRepresentative.idType,
          idNumber: d.legalRepresentative.idNumber,
          nationality: d.legalRepresentative.nationality,
          phone: d.legalRepresentative.phone ?? '',
        }
      : emptyPerson(),
    liaisonName: d.liaison?.name ?? '',
    liaisonPhone: d.liaison?.phone ?? '',
    liaisonEmail: d.liaison?.email ?? '',
    investors: d.investors.map((investor) => ({
      kind: investor.kind,
      name: investor.name,
      idType: investor.idType ?? 'RESIDENT_ID_CARD',
      idNumber: investor.idNumber ?? '',
      registrationNumber: investor.registrationNumber ?? '',
      country: investor.country,
      // A draft keeps an amount not filled in yet as zero.
      subscribedCapital: investor.subscribedCapital.amount === '0.00' ? '' : investor.subscribedCapital.amount,
      contributionForm: investor.contributionForm,
      subscribedBy: investor.subscribedBy ?? '',
    })),
    officers: d.officers.map((officer) => ({
      position: officer.position,
      name: officer.name,
      idType: officer.idType,
      idNumber: officer.idNumber,
    })),
    agentName: d.serviceAgent?.name ?? '',
    agentAddress: d.serviceAgent?.address ?? '',
    agentPhone: d.serviceAgent?.phone ?? '',
    agentEmail: d.serviceAgent?.email ?? '',
  });
}

/** The form's steps and the declaration items each holds (the API's paths start with these). */
export const STEPS = [
  {
    key: 'business',
    items: [
      'nameReservationId',
      'newName',
      'nameCommitment',
      'changeDecidedOn',
      'declaration.name',
      'declaration.kind',
      'declaration.industry',
      'declaration.foreignInvested',
      'declaration.businessScope',
    ],
  },
  {
    key: 'place',
    items: [
      'declaration.registeredAddress',
      'declaration.registeredCapital',
      'declaration.operatingTerm',
      'declaration.articlesOfAssociation',
    ],
  },
  {
    key: 'people',
    items: [
      'declaration.legalRepresentative',
      'declaration.liaison',
      'declaration.investors',
      'declaration.officers',
      'declaration.serviceAgent',
    ],
  },
  { key: 'submit', items: ['commitment'] },
] as const;

/** The step a field path belongs to ("declaration.investors.0.name" → the people step); -1 when none. */
export function stepOf(fieldKey: string): number {
  return STEPS.findIndex((step) => step.items.some((item) => fieldKey === item || fieldKey.startsWith(`${item}.`)));
}

/** Every field key of the form for this many investors and officers (where userErrors can be shown). */
export function formFieldKeys(form: DeclarationForm): string[] {
  const keys: string[] = [
    'nameReservationId',
    'newName',
    'nameCommitment',
    'nameCommitment.accepted',
    'changeDecidedOn',
    'declaration',
    'commitment',
    'commitment.accepted',
    'commitment.signatoryName',
    'commitment.termsVersion',
  ];
  const d = (...parts: (string | number)[]) => ['declaration', ...parts].join('.');
  keys.push(d('name'), d('kind'), d('industry'), d('foreignInvested'), d('businessScope'));
  keys.push(
    d('registeredAddress'),
    d('registeredAddress', 'address'),
    d('registeredAddress', 'district'),
    d('registeredAddress', 'zone'),
    d('registeredAddress', 'postalCode'),
    d('registeredAddress', 'hostingAgreementId'),
  );
  keys.push(d('registeredCapital'), d('operatingTerm'), d('operatingTerm', 'endsOn'));
  keys.push(d('articlesOfAssociation'), d('articlesOfAssociation', 'text'), d('articlesOfAssociation', 'adoptedOn'));
  keys.push(d('legalRepresentative'));
  for (const part of ['name', 'idType', 'idNumber', 'nationality', 'phone']) keys.push(d('legalRepresentative', part));
  keys.push(d('liaison'), d('liaison', 'name'), d('liaison', 'phone'), d('liaison', 'email'));
  keys.push(d('investors'), d('officers'), d('serviceAgent'));
  for (const part of ['name', 'address', 'phone', 'email']) keys.push(d('serviceAgent', part));
  form.investors.forEach((_, i) => {
    keys.push(d('investors', i));
    for (const part of ['name', 'idNumber', 'registrationNumber', 'country', 'subscribedCapital', 'subscribedBy'])
      keys.push(d('investors', i, part));
  });
  form.officers.forEach((_, i) => {
    keys.push(d('officers', i));
    for (const part of ['name', 'idNumber']) keys.push(d('officers', i, part));
  });
  return keys;
}
