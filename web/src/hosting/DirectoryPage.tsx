import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CheckboxField, SelectField } from '../components/Field';
import { EmptyState, ErrorNotice, FormErrors, Loading, Notice } from '../components/Feedback';
import { Page } from '../components/Page';
import {
  HostingDirectoryDocument,
  HostingMyEnterprisesDocument,
  HostingMyReservationsDocument,
  RequestHostingDocument,
  type HostedAddressCardFragment,
  type HostKind,
  type District,
} from '../gql/graphql';
import { enumLabel, enumOptions } from '../i18n/labels';
import { useViewer } from '../session/useViewer';

/** The public directory of hosted addresses, with a vacancy indicator; an applicant may ask to be hosted. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const { user } = useViewer();
  const [district, setDistrict] = useState('');
  const [kind, setKind] = useState('');
  const [vacant, setVacant] = useState(false);
  const filter = {
    district: (district || null) as District | null,
    hostKind: (kind || null) as HostKind | null,
    hasVacancy: vacant ? true : null,
  };
  const [{ data, fetching, error }, refetch] = useQuery({
    query: HostingDirectoryDocument,
    variables: { first: 100, filter },
    requestPolicy: 'cache-and-network',
  });
  const addresses = data?.hostedAddresses.edges.map((e) => e.node) ?? [];
  const applicant = user?.role === 'APPLICANT';

  return (
    <Page title={t('hosting.directoryTitle')} intro={t('hosting.directoryIntro')}>
      <p>
        <Link to="/hosting/abnormal">{t('hosting.abnormalTitle')}</Link>
        {applicant ? (
          <>
            {' · '}
            <Link to="/hosting/mine">{t('hosting.mineTitle')}</Link>
          </>
        ) : null}
      </p>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label={t('hosting.district')}
          value={district}
          onChange={(e) => setDistrict(e.target.value)}
          placeholder={t('hosting.anyDistrict')}
          options={enumOptions(t, 'District')}
        />
        <SelectField
          label={t('hosting.hostKind')}
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          placeholder={t('hosting.anyKind')}
          options={[
            { value: 'LAW_FIRM', label: t('hosting.kindLAW_FIRM') },
            { value: 'ACCOUNTING_FIRM', label: t('hosting.kindACCOUNTING_FIRM') },
          ]}
        />
        <CheckboxField label={t('hosting.onlyVacant')} checked={vacant} onChange={(e) => setVacant(e.target.checked)} />
      </form>
      {fetching && !data ? <Loading /> : null}
      {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {data && addresses.length === 0 ? <EmptyState>{t('hosting.noAddresses')}</EmptyState> : null}
      <ul className="cards">
        {addresses.map((address) => (
          <AddressCard key={address.id} address={address} applicant={applicant} />
        ))}
      </ul>
    </Page>
  );
}

function AddressCard({ address, applicant }: { address: HostedAddressCardFragment; applicant: boolean }) {
  const { t } = useTranslation();
  return (
    <li className="card" data-testid="hosted-address">
      <h2 className="card__title">
        {address.host.name}{' '}
        {address.available > 0 ? (
          <span className="badge badge--success" data-testid="vacancy">
            {t('hosting.vacancy', { count: address.available, capacity: address.capacity })}
          </span>
        ) : (
          <span className="badge badge--danger" data-testid="vacancy">
            {t('hosting.full')}
          </span>
        )}
      </h2>
      <dl className="facts">
        <dt>{t('hosting.hostKind')}</dt>
        <dd>{t(`hosting.kind${address.host.kind}`)}</dd>
        <dt>{t('hosting.district')}</dt>
        <dd>
          {enumLabel(t, 'District', address.district)} · {address.address}
        </dd>
      </dl>
      {applicant && address.available > 0 ? <RequestForm addressId={address.id} /> : null}
    </li>
  );
}

function RequestForm({ addressId }: { addressId: string }) {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: HostingMyEnterprisesDocument });
  const [{ data: names }] = useQuery({ query: HostingMyReservationsDocument });
  const [result, request] = useMutation(RequestHostingDocument);
  const [subject, setSubject] = useState('');
  const enterprises = data?.myEnterprises.edges.map((e) => e.node) ?? [];
  const reserved = (names?.myNameReservations.edges.map((e) => e.node) ?? []).filter((n) => n.status === 'RESERVED');
  const options = [
    ...enterprises.map((e) => ({ value: e.id, label: e.name })),
    ...reserved.map((n) => ({ value: n.id, label: t('hosting.reservedName', { name: n.name }) })),
  ];
  const chosen = subject || options[0]?.value || '';
  const errors = result.data?.requestHosting?.userErrors.map((e) => e.message) ?? [];
  if (result.data?.requestHosting?.agreement) return <Notice kind="success">{t('hosting.requested')}</Notice>;
  if (data && names && options.length === 0) return <p>{t('hosting.noEnterprises')}</p>;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const isName = reserved.some((n) => n.id === chosen);
        void request({
          input: isName ? { addressId, reservationId: chosen } : { addressId, enterpriseId: chosen },
        });
      }}
    >
      <FormErrors messages={errors} />
      <SelectField
        label={t('hosting.requestFor')}
        hint={t('hosting.requestForHint')}
        value={chosen}
        onChange={(e) => setSubject(e.target.value)}
        options={options}
      />
      <button className="button button--primary" type="submit" disabled={result.fetching}>
        {t('hosting.request')}
      </button>
    </form>
  );
}
