import type {
  CreditProductAudience,
  FinancingPurpose,
  GuaranteeType,
  MakeFinancingOfferInput,
  PublishCreditProductInput,
  PublishFinancingDemandInput,
} from '../gql/graphql';

// The financing forms as plain state, their checks before sending (only what a person can be told
// at once: required, number shapes, ranges; every rule stays the API's, whose userErrors are shown
// at the same fields), and their conversion to the API's inputs. Field keys are the input paths the
// API names in userErrors, so both kinds of message land at the same field.

/** Message keys under financing.validation, by field key. */
export type FormProblems = Record<string, string>;

const AMOUNT = /^\d{1,13}(\.\d{1,2})?$/;
const RATE = /^\d{1,3}(\.\d{1,2})?$/;
const INTEGER = /^\d{1,3}$/;

function amountProblem(value: string): string | null {
  const text = value.trim();
  if (!text) return 'required';
  return AMOUNT.test(text) && Number(text) > 0 ? null : 'amount';
}

function monthsProblem(value: string): string | null {
  const text = value.trim();
  if (!text) return 'required';
  return INTEGER.test(text) && Number(text) >= 1 && Number(text) <= 360 ? null : 'wholeMonths';
}

function rateProblem(value: string, required: boolean): string | null {
  const text = value.trim();
  if (!text) return required ? 'required' : null;
  return RATE.test(text) && Number(text) <= 100 ? null : 'rate';
}

function collect(entries: [string, string | null][]): FormProblems {
  const problems: FormProblems = {};
  for (const [key, problem] of entries) if (problem) problems[key] = problem;
  return problems;
}

export interface DemandForm {
  enterpriseId: string;
  amount: string;
  termMonths: string;
  purpose: FinancingPurpose | '';
  guaranteeType: GuaranteeType | '';
  collateral: string;
  maxAnnualRate: string;
  desiredOn: string;
  industry: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  contactIdNumber: string;
  contactConsent: boolean;
}

export function emptyDemandForm(enterpriseId = ''): DemandForm {
  return {
    enterpriseId,
    amount: '',
    termMonths: '12',
    purpose: '',
    guaranteeType: '',
    collateral: '',
    maxAnnualRate: '',
    desiredOn: '',
    industry: '',
    contactName: '',
    contactPhone: '',
    contactEmail: '',
    contactIdNumber: '',
    contactConsent: false,
  };
}

export const DEMAND_FIELDS = [
  'enterpriseId',
  'amount',
  'termMonths',
  'purpose',
  'guaranteeType',
  'collateral',
  'maxAnnualRate',
  'desiredOn',
  'industry',
  'contact.name',
  'contact.phone',
  'contact.email',
  'contact.idNumber',
  'contactConsent',
] as const;

export function checkDemandForm(form: DemandForm): FormProblems {
  return collect([
    ['enterpriseId', form.enterpriseId ? null : 'required'],
    ['amount', amountProblem(form.amount)],
    ['termMonths', monthsProblem(form.termMonths)],
    ['purpose', form.purpose ? null : 'required'],
    ['guaranteeType', form.guaranteeType ? null : 'required'],
    ['maxAnnualRate', rateProblem(form.maxAnnualRate, false)],
    ['contact.name', form.contactName.trim() ? null : 'required'],
    ['contact.phone', form.contactPhone.trim() ? null : 'required'],
    [
      'contact.email',
      form.contactEmail.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.contactEmail.trim()) ? 'email' : null,
    ],
  ]);
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);

export function toDemandInput(form: DemandForm, idempotencyKey?: string): PublishFinancingDemandInput {
  return {
    enterpriseId: form.enterpriseId,
    amount: { amount: form.amount.trim(), currency: 'CNY' },
    termMonths: Number(form.termMonths.trim()),
    purpose: form.purpose as FinancingPurpose,
    guaranteeType: form.guaranteeType as GuaranteeType,
    collateral: orNull(form.collateral),
    maxAnnualRate: orNull(form.maxAnnualRate),
    desiredOn: orNull(form.desiredOn),
    industry: orNull(form.industry)?.toUpperCase() ?? null,
    contact: {
      name: form.contactName.trim(),
      phone: form.contactPhone.trim(),
      email: orNull(form.contactEmail),
      idNumber: orNull(form.contactIdNumber),
    },
    contactConsent: form.contactConsent,
    idempotencyKey: idempotencyKey ?? null,
  };
}

export interface OfferForm {
  amount: string;
  annualRate: string;
  termMonths: string;
  productId: string;
  note: string;
}

export const OFFER_FIELDS = ['amount', 'annualRate', 'termMonths', 'productId', 'note', 'demandId'] as const;

export function checkOfferForm(form: OfferForm): FormProblems {
  return collect([
    ['amount', amountProblem(form.amount)],
    ['annualRate', rateProblem(form.annualRate, true)],
    ['termMonths', monthsProblem(form.termMonths)],
  ]);
}

export function toOfferInput(demandId: string, form: OfferForm, idempotencyKey?: string): MakeFinancingOfferInput {
  return {
    demandId,
    amount: { amount: form.amount.trim(), currency: 'CNY' },
    annualRate: form.annualRate.trim(),
    termMonths: Number(form.termMonths.trim()),
    productId: form.productId || null,
    note: orNull(form.note),
    idempotencyKey: idempotencyKey ?? null,
  };
}

export interface ProductForm {
  name: string;
  description: string;
  minAmount: string;
  maxAmount: string;
  minTermMonths: string;
  maxTermMonths: string;
  minAnnualRate: string;
  maxAnnualRate: string;
  guaranteeTypes: GuaranteeType[];
  audience: CreditProductAudience[];
  onlineApplication: boolean;
  applicationUrl: string;
}

export function emptyProductForm(): ProductForm {
  return {
    name: '',
    description: '',
    minAmount: '',
    maxAmount: '',
    minTermMonths: '',
    maxTermMonths: '',
    minAnnualRate: '',
    maxAnnualRate: '',
    guaranteeTypes: [],
    audience: [],
    onlineApplication: false,
    applicationUrl: '',
  };
}

export const PRODUCT_FIELDS = [
  'name',
  'description',
  'minAmount',
  'maxAmount',
  'minTermMonths',
  'maxTermMonths',
  'minAnnualRate',
  'maxAnnualRate',
  'guaranteeTypes',
  'audience',
  'onlineApplication',
  'applicationUrl',
] as const;

function orderProblem(min: string, max: string, minProblem: string | null, maxProblem: string | null) {
  return !minProblem && !maxProblem && Number(min) > Number(max) ? 'minAboveMax' : null;
}

export function checkProductForm(form: ProductForm): FormProblems {
  const minAmount = amountProblem(form.minAmount);
  const maxAmount = amountProblem(form.maxAmount);
  const minTerm = monthsProblem(form.minTermMonths);
  const maxTerm = monthsProblem(form.maxTermMonths);
  const minRate = rateProblem(form.minAnnualRate, true);
  const maxRate = rateProblem(form.maxAnnualRate, true);
  return collect([
    ['name', form.name.trim() ? null : 'required'],
    ['description', form.description.trim() ? null : 'required'],
    ['minAmount', minAmount ?? orderProblem(form.minAmount, form.maxAmount, minAmount, maxAmount)],
    ['maxAmount', maxAmount],
    ['minTermMonths', minTerm ?? orderProblem(form.minTermMonths, form.maxTermMonths, minTerm, maxTerm)],
    ['maxTermMonths', maxTerm],
    ['minAnnualRate', minRate ?? orderProblem(form.minAnnualRate, form.maxAnnualRate, minRate, maxRate)],
    ['maxAnnualRate', maxRate],
    ['guaranteeTypes', form.guaranteeTypes.length ? null : 'chooseOne'],
    ['audience', form.audience.length ? null : 'chooseOne'],
  ]);
}

export function toProductInput(form: ProductForm): PublishCreditProductInput {
  return {
    name: form.name.trim(),
    description: form.description.trim(),
    minAmount: { amount: form.minAmount.trim(), currency: 'CNY' },
    maxAmount: { amount: form.maxAmount.trim(), currency: 'CNY' },
    minTermMonths: Number(form.minTermMonths.trim()),
    maxTermMonths: Number(form.maxTermMonths.trim()),
    minAnnualRate: form.minAnnualRate.trim(),
    maxAnnualRate: form.maxAnnualRate.trim(),
    guaranteeTypes: form.guaranteeTypes,
    audience: form.audience,
    onlineApplication: form.onlineApplication,
    applicationUrl: orNull(form.applicationUrl),
  };
}

/** Adds a value to a list or takes it out. */
export function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? (list.includes(value) ? [...list] : [...list, value]) : list.filter((item) => item !== value);
}
