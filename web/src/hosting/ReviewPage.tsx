import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { EmptyState, ErrorNotice, Loading } from '../components/Feedback';
import { Page } from '../components/Page';
import {
  DismissUnreachableReportDocument,
  HostingReviewDocument,
  ListEnterpriseAsAbnormalDocument,
  VerifyHostDocument,
} from '../gql/graphql';
import { enumLabel } from '../i18n/labels';

/** The official's queues: host applications to verify, unreachable reports to decide. */
export function ReviewPage() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: HostingReviewDocument });
  const refresh = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const [, verify] = useMutation(VerifyHostDocument);
  const [, dismiss] = useMutation(DismissUnreachableReportDocument);
  const [, list] = useMutation(ListEnterpriseAsAbnormalDocument);
  const hosts = data?.hosts.edges.map((e) => e.node) ?? [];
  const reports = data?.unreachableReports.edges.map((e) => e.node) ?? [];
  return (
    <Page title={t('hosting.reviewTitle')}>
      <p>
        <Link to="/hosting/abnormal">{t('hosting.abnormalTitle')}</Link>
      </p>
      {fetching && !data ? <Loading /> : null}
      {error ? <ErrorNotice error={error} onRetry={refresh} /> : null}
      <section className="section" aria-labelledby="applications-title">
        <h2 id="applications-title">{t('hosting.hostApplications')}</h2>
        {data && hosts.length === 0 ? <EmptyState>{t('hosting.noApplications')}</EmptyState> : null}
        <ul className="cards">
          {hosts.map((host) => (
            <li key={host.id} className="card" data-testid="host-application">
              <h3 className="card__title">{host.name}</h3>
              <dl className="facts">
                <dt>{t('hosting.hostKind')}</dt>
                <dd>{t(`hosting.kind${host.kind}`)}</dd>
                <dt>{t('hosting.licence')}</dt>
                <dd>{host.licenceNumber}</dd>
                <dt>{t('hosting.district')}</dt>
                <dd>{enumLabel(t, 'District', host.district)}</dd>
                <dt>{t('hosting.floorArea')}</dt>
                <dd>{host.officeFloorArea}</dd>
                <dt>{t('hosting.secretaries')}</dt>
                <dd>{host.fullTimeSecretaries}</dd>
              </dl>
              <button
                type="button"
                className="button button--primary"
                onClick={() => void verify({ input: { id: host.id } }).then(refresh)}
              >
                {t('hosting.verify')}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section className="section" aria-labelledby="reports-title">
        <h2 id="reports-title">{t('hosting.pendingReports')}</h2>
        {data && reports.length === 0 ? <EmptyState>{t('hosting.noReports')}</EmptyState> : null}
        <ul className="cards">
          {reports.map((report) => (
            <li key={report.id} className="card" data-testid="unreachable-report">
              <h3 className="card__title">{report.enterprise.name}</h3>
              <p>
                {report.host.name} · {t('hosting.attempts')}: {report.attempts}
              </p>
              <button
                type="button"
                className="button button--primary"
                onClick={() =>
                  void list({
                    input: {
                      reportId: report.id,
                      reason: t('hosting.listReason'),
                      authority: t('hosting.listAuthority'),
                    },
                  }).then(refresh)
                }
              >
                {t('hosting.listAbnormal')}
              </button>{' '}
              <button
                type="button"
                className="button button--secondary"
                onClick={() =>
                  void dismiss({ input: { reportId: report.id, note: t('hosting.dismissNote') } }).then(refresh)
                }
              >
                {t('hosting.dismiss')}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}
