// Finding the organisation form at the end of a name. Forms are tried longest first, so
// 股份有限公司 wins over 有限公司 and 合伙企业（有限合伙） over （有限合伙）.

import { ORGANISATION_FORMS, type OrganisationFormRow } from '../data/organisation-forms.js';
import type { EnterpriseKind } from './types.js';

const byForm = new Map<string, OrganisationFormRow>(ORGANISATION_FORMS.map((row) => [row.form, row]));
const longestFirst = [...ORGANISATION_FORMS].sort((a, b) => b.form.length - a.form.length);

export function organisationForm(form: string): OrganisationFormRow | undefined {
  return byForm.get(form);
}

/** The longest form that ends `text` and leaves at least one character before it. */
export function formAtEnd(text: string): OrganisationFormRow | null {
  return longestFirst.find((row) => row.form.length < text.length && text.endsWith(row.form)) ?? null;
}

/**
 * The rightmost company form inside a branch name's remainder (青岛海川智能科技有限公司|市南), so the
 * parent's name can be told from the branch's locality. One-character shop forms (店, 部) are not
 * looked for here: inside a longer text they are too often ordinary characters.
 */
export function innerFormEnding(text: string): { row: OrganisationFormRow; end: number } | null {
  for (let end = text.length; end >= 2; end--) {
    const head = text.slice(0, end);
    const row = longestFirst.find(
      (r) => !r.branch && r.form.length >= 2 && r.form.length < head.length && head.endsWith(r.form),
    );
    if (row) return { row, end };
  }
  return null;
}

export function formFits(row: OrganisationFormRow, kind: EnterpriseKind): boolean {
  return row.kinds.includes(kind);
}
