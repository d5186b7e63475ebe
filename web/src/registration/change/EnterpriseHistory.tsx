import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Loading } from '../../components/Feedback';
import { EnterpriseHistoryDocument } from '../../gql/graphql';
import { formatDateTime } from '../../i18n/format';
import { enumLabel } from '../../i18n/labels';
import { usePreferences } from '../../preferences/PreferencesProvider';

/**
 * An enterprise's confirmed registration steps (establishment, changes, deregistration), oldest
 * first, each with the items it set or changed, before and after (personal details named only).
 */
export function EnterpriseHistory({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const [{ data, fetching }] = useQuery({
    query: EnterpriseHistoryDocument,
    variables: { id: enterpriseId },
    requestPolicy: 'cache-and-network',
  });
  const steps = data?.enterprise?.changes.edges.map((edge) => edge.node) ?? [];
  if (fetching && !data) return <Loading />;
  const none = <span className="empty">{t('common.none')}</span>;
  return (
    <section className="section" aria-labelledby="enterprise-history-title" data-testid="enterprise-history">
      <h2 id="enterprise-history-title">{t('registrationChange.historyTitle')}</h2>
      <ol className="timeline">
        {steps.map((step, index) => (
          <li key={`${step.at}-${index}`} data-testid="enterprise-history-step" data-kind={step.kind}>
            <time dateTime={step.at}>{formatDateTime(step.at, language)}</time> ·{' '}
            {enumLabel(t, 'RegistrationKind', step.kind)}
            {step.kind === 'CHANGE' && step.items.length ? (
              <div className="table-wrap" tabIndex={0} role="region" aria-label={t('registrationChange.stepItems')}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('registrationChange.item')}</th>
                      <th scope="col">{t('registrationChange.before')}</th>
                      <th scope="col">{t('registrationChange.after')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {step.items.map((item) => (
                      <tr key={item.item} data-item={item.item}>
                        <th scope="row">{t(`registration.items.${item.item}`, { defaultValue: item.item })}</th>
                        <td data-testid="before">{item.before ?? none}</td>
                        <td data-testid="after">{item.after ?? none}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
