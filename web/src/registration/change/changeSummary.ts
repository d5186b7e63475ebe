import type { TFunction } from 'i18next';
import type { Language } from '../../i18n';
import { formatDate, formatMoney } from '../../i18n/format';
import { enumLabel } from '../../i18n/labels';
import type { DeclarationForm } from '../declarationForm';
import type { DeclarationItem } from '../items';

// What a change registration will record: the items whose declared value differs from the
// enterprise as registered. Both sides are compared as the form holds them (the registered
// declaration goes through the same `fromDeclaration`), so the summary follows the form as it is
// typed, before anything is saved.

/** The form fields each declaration item is made of. */
const FIELDS: Partial<Record<DeclarationItem, (keyof DeclarationForm)[]>> = {
  kind: ['kind'],
  industry: ['industry'],
  foreignInvested: ['foreignInvested'],
  businessScope: ['businessScope'],
  registeredAddress: ['address', 'district', 'zone', 'postalCode', 'hostingAgreementId'],
  registeredCapital: ['registeredCapital'],
  operatingTerm: ['longTerm', 'endsOn'],
  articlesOfAssociation: ['articlesText', 'articlesAdoptedOn'],
  legalRepresentative: ['legalRepresentative'],
  liaison: ['liaisonName', 'liaisonPhone', 'liaisonEmail'],
  investors: ['investors'],
  officers: ['officers'],
  serviceAgent: ['agentName', 'agentAddress', 'agentPhone', 'agentEmail'],
};

/** An amount as typed ("1,200,000") or as stored ("1200000.00"), to compare: two decimals, or the text. */
function amount(value: string): string {
  const plain = value.trim().replace(/,/g, '');
  return /^\d+(\.\d{1,2})?$/.test(plain) ? Number(plain).toFixed(2) : plain;
}

/** The value of one item, normalised so that only a real difference counts (spaces, 1,000 vs 1000.00). */
function comparable(form: DeclarationForm, item: DeclarationItem): string {
  const picked = (FIELDS[item] ?? []).map((field) => {
    const value = form[field];
    if (field === 'registeredCapital') return amount(value as string);
    if (field === 'investors')
      return form.investors.map((investor) => ({
        ...investor,
        name: investor.name.trim(),
        subscribedCapital: amount(investor.subscribedCapital),
      }));
    if (field === 'endsOn' && form.longTerm) return '';
    return typeof value === 'string' ? value.trim() : value;
  });
  return JSON.stringify(picked);
}

export interface ChangedItem {
  item: DeclarationItem;
  before: string;
  after: string;
}

export interface NamedForm {
  /** The enterprise's name (before) or the name the change declares (after). */
  name: string;
  form: DeclarationForm;
}

const ORDER: DeclarationItem[] = [
  'kind',
  'businessScope',
  'registeredAddress',
  'registeredCapital',
  'legalRepresentative',
  'investors',
  'articlesOfAssociation',
  'operatingTerm',
  'officers',
  'liaison',
  'serviceAgent',
  'industry',
  'foreignInvested',
];

/** The items the change alters, in the registry's order, each with its value before and after in words. */
export function changedItems(before: NamedForm, after: NamedForm, t: TFunction, language: Language): ChangedItem[] {
  const changed: ChangedItem[] = [];
  if (before.name.trim() !== after.name.trim())
    changed.push({ item: 'name', before: before.name, after: after.name.trim() });
  for (const item of ORDER) {
    if (comparable(before.form, item) === comparable(after.form, item)) continue;
    changed.push({
      item,
      before: describeItem(before.form, item, t, language),
      after: describeItem(after.form, item, t, language),
    });
  }
  return changed;
}

/** One item of a declaration form in words, as a person checks it; '' when it is empty. */
export function describeItem(form: DeclarationForm, item: DeclarationItem, t: TFunction, language: Language): string {
  const join = (parts: (string | null | undefined | false)[]) => parts.filter(Boolean).join(' · ');
  const money = (value: string) =>
    value.trim() ? formatMoney({ amount: amount(value), currency: 'CNY' }, language) : '';
  switch (item) {
    case 'kind':
      return form.kind ? enumLabel(t, 'EnterpriseKind', form.kind) : '';
    case 'industry':
      return form.industry.trim().toUpperCase();
    case 'foreignInvested':
      return form.foreignInvested ? t('common.yes') : t('common.no');
    case 'businessScope':
      return form.businessScope.trim();
    case 'registeredAddress':
      return form.address.trim()
        ? join([
            form.district && enumLabel(t, 'District', form.district),
            form.address.trim(),
            form.zone !== 'NONE' && enumLabel(t, 'Zone', form.zone),
            form.postalCode.trim(),
            form.hostingAgreementId && t('registrationChange.hosted'),
          ])
        : '';
    case 'registeredCapital':
      return money(form.registeredCapital);
    case 'operatingTerm':
      return form.longTerm
        ? t('registration.longTerm')
        : form.endsOn
          ? t('registration.until', { date: formatDate(form.endsOn, language) })
          : '';
    case 'articlesOfAssociation':
      return form.articlesAdoptedOn
        ? t('registration.articlesAdopted', { date: formatDate(form.articlesAdoptedOn, language) })
        : '';
    case 'legalRepresentative':
      return form.legalRepresentative.name.trim();
    case 'liaison':
      return join([form.liaisonName.trim(), form.liaisonPhone.trim(), form.liaisonEmail.trim()]);
    case 'investors':
      return form.investors
        .map((investor) => `${investor.name.trim()} ${money(investor.subscribedCapital)}`.trim())
        .join('；');
    case 'officers':
      return form.officers
        .map((officer) => `${enumLabel(t, 'OfficerPosition', officer.position)}: ${officer.name.trim()}`)
        .join('；');
    case 'serviceAgent':
      return join([form.agentName.trim(), form.agentAddress.trim()]);
    default:
      return '';
  }
}
