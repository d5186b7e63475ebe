import { useTranslation } from 'react-i18next';
import type { ApplicationFieldsFragment } from '../../gql/graphql';
import { formatDate } from '../../i18n/format';
import { usePreferences } from '../../preferences/PreferencesProvider';
import { fromDeclaration } from '../declarationForm';
import { ChangeSummary } from './ChangeSummary';
import { EnterpriseHistory } from './EnterpriseHistory';

/**
 * What a change or deregistration is about, for the applicant and the official alike: the day a
 * change was decided (and a late filing), the items it alters before and after while it is open,
 * the deregistration's route and reason, and the enterprise's confirmed history.
 */
export function ApplicationChangeDetails({ application }: { application: ApplicationFieldsFragment }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const enterprise = application.enterprise;
  if (application.kind === 'ESTABLISHMENT' || !enterprise) return null;
  const open = ['DRAFT', 'SUBMITTED', 'CORRECTION_REQUESTED'].includes(application.status);
  const dereg = application.deregistration;
  return (
    <>
      <section className="section" aria-labelledby="change-facts-title">
        <h2 id="change-facts-title">{t('registrationChange.aboutTitle')}</h2>
        <dl className="facts" data-testid="change-facts">
          <dt>{t('registrationChange.enterprise')}</dt>
          <dd>
            {enterprise.name}
            {enterprise.uscc ? ` · ${enterprise.uscc}` : ''}
          </dd>
          {application.kind === 'CHANGE' ? (
            <>
              <dt>{t('registrationChange.decidedOn')}</dt>
              <dd>
                {application.changeDecidedOn ? formatDate(application.changeDecidedOn, language) : '—'}
                {application.lateFiling ? (
                  <span className="badge badge--warning">{t('registrationChange.lateFilingBadge')}</span>
                ) : null}
              </dd>
            </>
          ) : null}
          {dereg ? (
            <>
              <dt>{t('deregistrationFlow.route')}</dt>
              <dd>{dereg.simplified ? t('deregistrationFlow.simplified') : t('deregistrationFlow.ordinary')}</dd>
              <dt>{t('deregistrationFlow.reason')}</dt>
              <dd>{dereg.reason ?? '—'}</dd>
              {dereg.liquidationCompletedOn ? (
                <>
                  <dt>{t('deregistrationFlow.liquidationCompletedOn')}</dt>
                  <dd>{formatDate(dereg.liquidationCompletedOn, language)}</dd>
                </>
              ) : null}
            </>
          ) : null}
        </dl>
      </section>
      {application.kind === 'CHANGE' && open && enterprise.declaration ? (
        <ChangeSummary
          before={{ name: enterprise.name, form: fromDeclaration(enterprise.declaration) }}
          after={{
            name: application.declaration.name ?? enterprise.name,
            form: fromDeclaration(application.declaration),
          }}
        />
      ) : null}
      {/* Read again when the status changes: a confirmation adds a step to the history. */}
      <EnterpriseHistory key={application.status} enterpriseId={enterprise.id} />
    </>
  );
}
