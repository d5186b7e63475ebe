import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { STEPS, stepOf } from '../declarationForm';
import { fieldId } from './fieldIds';
import type { ProblemSummary } from './useApplicationForm';

const LEAF_LABELS: Record<string, string> = {
  name: 'registration.personName',
  idType: 'registration.idType',
  idNumber: 'registration.idNumber',
  nationality: 'registration.nationality',
  phone: 'registration.phone',
  email: 'registration.email',
  address: 'registration.address',
  district: 'names.district',
  zone: 'registration.zone',
  postalCode: 'registration.postalCode',
  endsOn: 'registration.endsOn',
  adoptedOn: 'registration.articlesAdoptedOn',
  text: 'registration.articlesText',
  country: 'registration.investor.country',
  subscribedCapital: 'registration.investor.subscribedCapital',
  registrationNumber: 'registration.investor.registrationNumber',
  subscribedBy: 'registration.investor.subscribedBy',
  accepted: 'registration.commitmentTitle',
  termsVersion: 'registration.commitmentTitle',
  signatoryName: 'names.signatory',
};

/** "declaration.investors.0.idNumber" → "Investors · Investor 1 · Document number". */
export function problemLabel(t: TFunction, key: string | null): string {
  if (!key) return '';
  const parts = key.split('.').filter((part) => part !== 'amount');
  const labels: string[] = [];
  if (parts[0] === 'nameReservationId') return t('registration.reservation');
  if (parts[0] === 'commitment') labels.push(t('registration.commitmentTitle'));
  if (parts[0] === 'declaration' && parts[1]) {
    labels.push(t(`registration.items.${parts[1]}`, { defaultValue: parts[1] }));
    if ((parts[1] === 'investors' || parts[1] === 'officers') && parts[2] && /^\d+$/.test(parts[2])) {
      const number = Number(parts[2]) + 1;
      labels.push(
        t(parts[1] === 'investors' ? 'registration.investorNumber' : 'registration.officerNumber', { number }),
      );
    }
  }
  const leaf = parts.length > 2 || parts[0] === 'commitment' ? parts[parts.length - 1] : undefined;
  if (leaf && LEAF_LABELS[leaf] && !/^\d+$/.test(leaf)) {
    const label = t(LEAF_LABELS[leaf]);
    if (!labels.includes(label)) labels.push(label);
  }
  return labels.join(' · ');
}

/** The element a problem's link moves to: the field itself, else the closest group that contains it. */
export function targetOf(key: string): HTMLElement | null {
  const parts = key.split('.');
  while (parts.length) {
    const element = document.getElementById(fieldId(parts.join('.')));
    if (element) return element;
    parts.pop();
  }
  return null;
}

/**
 * Everything to fix, in one list above the form that takes focus when it appears: each problem links
 * to its field (opening the step that holds it), and says plainly that nothing was submitted.
 */
export function ErrorSummary({ summary, onGoTo }: { summary: ProblemSummary; onGoTo(key: string): void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [summary.serial]);
  const count = summary.problems.length;
  return (
    <div
      ref={ref}
      className="notice notice--error error-summary"
      role="alert"
      tabIndex={-1}
      aria-labelledby="error-summary-title"
      data-testid="error-summary"
    >
      <h2 id="error-summary-title" className="error-summary__title">
        {summary.mode === 'submit'
          ? t('applicationForm.summaryNotSubmitted', { count })
          : t('applicationForm.summaryDraftPartly', { count })}
      </h2>
      <p>{t('applicationForm.summaryHint')}</p>
      <ul className="error-summary__list">
        {summary.problems.map((problem, index) => {
          const step = problem.key ? stepOf(problem.key) : -1;
          const label = problemLabel(t, problem.key);
          const stepName = step >= 0 ? t(`registration.steps.${STEPS[step]!.key}`) : null;
          return (
            <li key={`${problem.key ?? ''}-${index}`}>
              {problem.key ? (
                <a
                  href={`#${fieldId(problem.key)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    onGoTo(problem.key!);
                  }}
                >
                  {stepName ? `${stepName} › ` : ''}
                  {label ? `${label}: ` : ''}
                  {problem.message}
                </a>
              ) : (
                problem.message
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
