import { normaliseName, parseName } from './rules/index.js';

export interface EnterpriseNamePartsData {
  administrativeDivision: string | null;
  tradeName: string | null;
  industry: string | null;
  organisationForm: string | null;
}

/** The four parts of a full enterprise name, by the same parser the name check uses. */
export function enterpriseNameParts(name: string): EnterpriseNamePartsData {
  const { parts } = parseName(normaliseName(name));
  return {
    administrativeDivision: parts.administrativeDivision ?? null,
    tradeName: parts.tradeName ?? null,
    industry: parts.industry ?? null,
    organisationForm: parts.organisationForm ?? null,
  };
}
