import { useTranslation } from 'react-i18next';
import type { NameCheckFieldsFragment } from '../gql/graphql';
import { enumLabel } from '../i18n/labels';

/** What the rules say about a name: parts, availability, violations, conflicts, special reasons. */
export function NameCheckResult({ check }: { check: NameCheckFieldsFragment }) {
  const { t } = useTranslation();
  const parts = [
    ['administrativeDivision', check.parts.administrativeDivision],
    ['tradeName', check.parts.tradeName],
    ['industry', check.parts.industry],
    ['organisationForm', check.parts.organisationForm],
  ] as const;
  return (
    <div className="name-check" data-testid="name-check">
      <p className={`notice ${check.available ? 'notice--success' : 'notice--error'}`}>
        <strong>{check.name}</strong>: {check.available ? t('names.available') : t('names.unavailable')}
        {check.special ? <> · {t('names.specialNote')}</> : null}
      </p>
      <h3>{t('names.partsTitle')}</h3>
      <dl className="facts">
        {parts.map(([key, value]) => (
          <div key={key} className="facts__row">
            <dt>{t(`names.parts.${key}`)}</dt>
            <dd>{value ?? <span className="empty">{t('names.partMissing')}</span>}</dd>
          </div>
        ))}
        {check.industryHint ? (
          <div className="facts__row">
            <dt>{t('names.industryHint')}</dt>
            <dd>
              {check.industryHint.code} {check.industryHint.name}
            </dd>
          </div>
        ) : null}
      </dl>
      {check.violations.length ? (
        <section aria-labelledby="violations-title">
          <h3 id="violations-title">{t('names.violationsTitle', { count: check.violations.length })}</h3>
          <ul className="issues issues--error">
            {check.violations.map((violation) => (
              <li key={`${violation.rule}-${violation.term ?? ''}`}>
                {violation.term ? <strong>“{violation.term}”: </strong> : null}
                {violation.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {check.conflicts.length ? (
        <section aria-labelledby="conflicts-title">
          <h3 id="conflicts-title">{t('names.conflictsTitle', { count: check.conflicts.length })}</h3>
          <ul className="issues issues--warning">
            {check.conflicts.map((conflict) => (
              <li key={`${conflict.name}-${conflict.rule}`}>
                <strong>{conflict.name}</strong> ({enumLabel(t, 'NameConflictKind', conflict.kind)} ·{' '}
                {enumLabel(t, 'NameConflictSource', conflict.source)} · {enumLabel(t, 'District', conflict.district)}):{' '}
                {conflict.message}
                {conflict.exception ? <> · {t(`names.conflictException.${conflict.exception}`)}</> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {check.special ? (
        <section aria-labelledby="special-title">
          <h3 id="special-title">{t('names.specialTitle')}</h3>
          <ul className="issues">
            {check.specialReasons.map((reason) => (
              <li key={reason.code}>
                {reason.term ? <strong>“{reason.term}”: </strong> : null}
                {reason.message}
              </li>
            ))}
          </ul>
          <p>{t('names.specialExplain')}</p>
        </section>
      ) : null}
      {!check.violations.length && !check.conflicts.length && !check.special ? <p>{t('names.noIssues')}</p> : null}
    </div>
  );
}
