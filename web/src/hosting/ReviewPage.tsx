import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { groupUserErrors } from '../api/errors';
import { TextField } from '../components/Field';
import { EmptyState, ErrorNotice, FormErrors, Loading } from '../components/Feedback';
import { Page } from '../components/Page';
import {
  DismissUnreachableReportDocument,
  HostingReviewDocument,
  ListEnterpriseAsAbnormalDocument,
  RefuseHostDocument,
  SuspendHostDocument,
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
  const verified = data?.verifiedHosts.edges.map((e) => e.node) ?? [];
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
              <ReasonAction hostId={host.id} action="refuse" onDone={refresh} />
            </li>
          ))}
        </ul>
      </section>
      <section className="section" aria-labelledby="verified-title">
        <h2 id="verified-title">{t('hosting.verifiedHosts')}</h2>
        {data && verified.length === 0 ? <EmptyState>{t('hosting.noVerifiedHosts')}</EmptyState> : null}
        <ul className="cards">
          {verified.map((host) => (
            <li key={host.id} className="card" data-testid="verified-host">
              <h3 className="card__title">{host.name}</h3>
              <p>
                {t(`hosting.kind${host.kind}`)} · {enumLabel(t, 'District', host.district)}
              </p>
              <ReasonAction hostId={host.id} action="suspend" onDone={refresh} />
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

/**
 * Refuses a host application or suspends a verified host, with a reason. Both are decisions the
 * official cannot undo here, so the first press asks for confirmation and only the second acts.
 */
function ReasonAction({
  hostId,
  action,
  onDone,
}: {
  hostId: string;
  action: 'refuse' | 'suspend';
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [refused, refuse] = useMutation(RefuseHostDocument);
  const [suspended, suspend] = useMutation(SuspendHostDocument);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const result = action === 'refuse' ? refused : suspended;
  const errors =
    (action === 'refuse' ? refused.data?.refuseHost?.userErrors : suspended.data?.suspendHost?.userErrors) ?? [];
  const { byField, general } = groupUserErrors(errors, ['reason']);
  const label = action === 'refuse' ? t('hosting.refuseHost') : t('hosting.suspendHost');
  const run = () => {
    const input = { id: hostId, reason };
    const done = (ok: boolean) => {
      setConfirming(false);
      if (ok) onDone();
    };
    if (action === 'refuse') void refuse({ input }).then((r) => done(Boolean(r.data?.refuseHost?.host)));
    else void suspend({ input }).then((r) => done(Boolean(r.data?.suspendHost?.host)));
  };
  return (
    <form
      className="decide"
      onSubmit={(e) => {
        e.preventDefault();
        if (confirming) run();
        else setConfirming(true);
      }}
    >
      <FormErrors messages={general} />
      <TextField
        label={action === 'refuse' ? t('hosting.refuseHostReason') : t('hosting.suspendReason')}
        value={reason}
        required
        errors={byField.reason}
        onChange={(e) => {
          setReason(e.target.value);
          setConfirming(false);
        }}
      />
      {confirming ? (
        <div role="alert" className="notice notice--warning">
          <p>{action === 'refuse' ? t('hosting.confirmRefuse') : t('hosting.confirmSuspend')}</p>
          <button className="button button--danger" type="submit" disabled={result.fetching}>
            {action === 'refuse' ? t('hosting.confirmRefuseButton') : t('hosting.confirmSuspendButton')}
          </button>{' '}
          <button className="button button--secondary" type="button" onClick={() => setConfirming(false)}>
            {t('hosting.cancel')}
          </button>
        </div>
      ) : (
        <button className="button button--secondary" type="submit">
          {label}
        </button>
      )}
    </form>
  );
}
