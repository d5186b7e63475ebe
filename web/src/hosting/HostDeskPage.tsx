import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { TextField } from '../components/Field';
import { EmptyState, ErrorNotice, FormErrors, Loading, Notice } from '../components/Feedback';
import { Page } from '../components/Page';
import { AcceptHostingRequestDocument, HostDeskDocument, RefuseHostingRequestDocument } from '../gql/graphql';
import { enumLabel } from '../i18n/labels';
import { AgreementCard } from './AgreementCard';
import { AddAddressForm, ApplyForm, EditAddressForm, LogForwardingForm, ReportUnreachableForm } from './DeskForms';
import { useLiveAgreements } from './useLiveAgreements';

/** The host's desk: addresses and occupancy, requests to decide (arriving live), agreements, reports. */
export function HostDeskPage() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: HostDeskDocument });
  const refresh = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useLiveAgreements(refresh);
  const agreements = data?.myHostingAgreements.edges.map((e) => e.node) ?? [];
  const requests = agreements.filter((a) => a.status === 'REQUESTED');
  const others = agreements.filter((a) => a.status !== 'REQUESTED');
  const reports = data?.unreachableReports.edges.map((e) => e.node) ?? [];
  const host = data?.myHost;
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  return (
    <Page title={t('hosting.deskTitle')}>
      {fetching && !data ? <Loading /> : null}
      {error ? <ErrorNotice error={error} onRetry={refresh} /> : null}
      {data && !host ? (
        <>
          <Notice>{t('hosting.noHost')}</Notice>
          <ApplyForm onDone={refresh} />
        </>
      ) : null}
      {host ? (
        <>
          <p>
            <strong>{host.name}</strong> · {t('hosting.hostStatus')}: {t(`hosting.hostStatus${host.status}`)}
            {host.decisionReason ? ` · ${host.decisionReason}` : null}
          </p>
          <section className="section" aria-labelledby="addresses-title">
            <h2 id="addresses-title">{t('hosting.addresses')}</h2>
            <ul className="cards">
              {host.addresses.edges.map(({ node }) => (
                <li key={node.id} className="card" data-testid="desk-address">
                  <h3 className="card__title">{node.address}</h3>
                  <p>
                    {enumLabel(t, 'District', node.district)}
                    {node.zone !== 'NONE' ? ` · ${enumLabel(t, 'Zone', node.zone)}` : null} · {t('hosting.floorArea')}:{' '}
                    {node.floorArea}
                  </p>
                  <p>
                    <meter min={0} max={node.capacity} value={node.occupied} aria-label={node.address} />{' '}
                    <span data-testid="desk-occupancy">
                      {t('hosting.occupancy', { occupied: node.occupied, capacity: node.capacity })}
                    </span>
                  </p>
                  <EditAddressForm address={node} onDone={refresh} />
                </li>
              ))}
            </ul>
            {host.status === 'VERIFIED' ? <AddAddressForm onDone={refresh} /> : null}
          </section>
          <section className="section" aria-labelledby="requests-title">
            <h2 id="requests-title">{t('hosting.requestsToDecide')}</h2>
            {requests.length === 0 ? <EmptyState>{t('hosting.noRequests')}</EmptyState> : null}
            <ul className="cards">
              {requests.map((agreement) => (
                <AgreementCard key={agreement.id} agreement={agreement} canAcknowledge={false}>
                  <Decide id={agreement.id} onDone={refresh} />
                </AgreementCard>
              ))}
            </ul>
          </section>
          <section className="section" aria-labelledby="agreements-title">
            <h2 id="agreements-title">{t('hosting.agreements')}</h2>
            <ul className="cards">
              {others.map((agreement) => (
                <AgreementCard key={agreement.id} agreement={agreement} canAcknowledge={false}>
                  {agreement.status === 'ACTIVE' && agreement.enterprise ? (
                    <>
                      <LogForwardingForm enterpriseId={agreement.enterprise.id} today={today} onDone={refresh} />
                      <ReportUnreachableForm enterpriseId={agreement.enterprise.id} onDone={refresh} />
                    </>
                  ) : null}
                </AgreementCard>
              ))}
            </ul>
          </section>
          <section className="section" aria-labelledby="reports-title">
            <h2 id="reports-title">{t('hosting.reports')}</h2>
            {reports.length === 0 ? <EmptyState>{t('hosting.noReports')}</EmptyState> : null}
            <ul className="cards">
              {reports.map((report) => (
                <li key={report.id} className="card">
                  <h3 className="card__title">
                    {report.enterprise.name} <span className="badge">{t(`hosting.reportStatus${report.status}`)}</span>
                  </h3>
                  <p>
                    {t('hosting.attempts')}: {report.attempts}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </Page>
  );
}

function Decide({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [accepted, accept] = useMutation(AcceptHostingRequestDocument);
  const [refused, refuse] = useMutation(RefuseHostingRequestDocument);
  const [reason, setReason] = useState('');
  const errors = [
    ...(accepted.data?.acceptHostingRequest?.userErrors ?? []),
    ...(refused.data?.refuseHostingRequest?.userErrors ?? []),
  ].map((e) => e.message);
  return (
    <div className="decide">
      <FormErrors messages={errors} />
      <button
        type="button"
        className="button button--primary"
        disabled={accepted.fetching}
        onClick={() => void accept({ input: { id } }).then(onDone)}
      >
        {t('hosting.accept')}
      </button>
      <TextField label={t('hosting.refuseReasonLabel')} value={reason} onChange={(e) => setReason(e.target.value)} />
      <button
        type="button"
        className="button button--secondary"
        disabled={refused.fetching}
        onClick={() => void refuse({ input: { id, reason } }).then(onDone)}
      >
        {t('hosting.refuse')}
      </button>
    </div>
  );
}
