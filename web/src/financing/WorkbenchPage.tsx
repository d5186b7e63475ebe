import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { groupUserErrors, type GroupedUserErrors } from '../api/errors';
import { EmptyState, ErrorNotice, FormErrors, Loading, Notice } from '../components/Feedback';
import { SelectField, TextField } from '../components/Field';
import { Page } from '../components/Page';
import {
  DeleteFinancingDemandAlertDocument,
  FinancingDemandPublishedDocument,
  FinancingDemandSearchDocument,
  MyFinancingDemandAlertsDocument,
  SaveFinancingDemandAlertDocument,
  type District,
  type FinancingDemandFieldsFragment,
  type FinancingDemandFilter,
  type FinancingDemandOrderField,
  type FinancingDemandPublishedSubscription,
  type GuaranteeType,
} from '../gql/graphql';
import { formatDateTime } from '../i18n/format';
import { enumLabel, enumOptions } from '../i18n/labels';
import { usePreferences } from '../preferences/PreferencesProvider';
import { financingLabel, financingOptions, formatLoanAmount, startOfQingdaoDay } from './format';
import { toggle } from './forms';
import { CheckboxGroup, FinancingStatus, NO_SERVER_ERRORS, payloadOf } from './parts';

export interface SearchForm {
  districts: District[];
  industries: string;
  amountMin: string;
  amountMax: string;
  termMonthsMax: string;
  guaranteeTypes: GuaranteeType[];
  foreignInvested: '' | 'true' | 'false';
  publishedAfter: string;
}

export const EMPTY_SEARCH: SearchForm = {
  districts: [],
  industries: '',
  amountMin: '',
  amountMax: '',
  termMonthsMax: '',
  guaranteeTypes: [],
  foreignInvested: '',
  publishedAfter: '',
};

const MONEY = /^\d{1,13}(\.\d{1,2})?$/;

/** The search form as the API's FinancingDemandFilter: every filled field narrows the list. */
export function toDemandFilter(form: SearchForm): FinancingDemandFilter {
  const filter: FinancingDemandFilter = {};
  if (form.districts.length) filter.districts = form.districts;
  const industries = form.industries
    .split(/[,，\s]+/)
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);
  if (industries.length) filter.industries = industries;
  if (MONEY.test(form.amountMin.trim())) filter.amountMin = { amount: form.amountMin.trim(), currency: 'CNY' };
  if (MONEY.test(form.amountMax.trim())) filter.amountMax = { amount: form.amountMax.trim(), currency: 'CNY' };
  if (/^\d{1,3}$/.test(form.termMonthsMax.trim())) filter.termMonthsMax = Number(form.termMonthsMax.trim());
  if (form.guaranteeTypes.length) filter.guaranteeTypes = form.guaranteeTypes;
  if (form.foreignInvested) filter.foreignInvested = form.foreignInvested === 'true';
  if (/^\d{4}-\d{2}-\d{2}$/.test(form.publishedAfter)) filter.publishedAfter = startOfQingdaoDay(form.publishedAfter);
  return filter;
}

const PAGE = 20;

function DemandCard({ demand, live }: { demand: FinancingDemandFieldsFragment; live?: boolean }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  return (
    <li className="card" data-testid={live ? 'feed-demand' : 'search-demand'} data-demand={demand.id}>
      <h3 className="card__title">
        <Link to={`/financing/workbench/demands/${encodeURIComponent(demand.id)}`}>
          {demand.enterprise.name} · {formatLoanAmount(demand.amount, language)}
        </Link>{' '}
        <FinancingStatus enumName="FinancingDemandStatus" value={demand.status} />
      </h3>
      <p className="demand-line">
        {t('financing.units.months', { count: demand.termMonths })} ·{' '}
        {financingLabel(t, 'GuaranteeType', demand.guaranteeType)} ·{' '}
        {financingLabel(t, 'FinancingPurpose', demand.purpose)} · {enumLabel(t, 'District', demand.district)} ·{' '}
        {demand.industry.name}
        {demand.foreignInvested ? ` · ${t('financing.demand.foreignInvested')}` : ''}
      </p>
      <p className="field__hint">
        {demand.number} · {formatDateTime(demand.publishedAt, language)} · {t('financing.demand.offerCount')}{' '}
        {demand.offerCount}
      </p>
    </li>
  );
}

type DemandPage = {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: readonly { node: FinancingDemandFieldsFragment }[];
};

function ResultChunk({ page, last, onMore }: { page?: DemandPage; last: boolean; onMore(cursor: string): void }) {
  const { t } = useTranslation();
  if (!page) return null;
  return (
    <>
      {page.edges.map((edge) => (
        <DemandCard key={edge.node.id} demand={edge.node} />
      ))}
      {last && page.pageInfo.hasNextPage && page.pageInfo.endCursor ? (
        <li className="load-more">
          <button type="button" className="button button--secondary" onClick={() => onMore(page.pageInfo.endCursor!)}>
            {t('financing.workbench.loadMore')}
          </button>
        </li>
      ) : null}
    </>
  );
}

function LaterResults({
  filter,
  orderBy,
  after,
  last,
  onMore,
}: {
  filter: FinancingDemandFilter;
  orderBy: FinancingDemandOrderField;
  after: string;
  last: boolean;
  onMore(cursor: string): void;
}) {
  const [{ data, fetching, error }] = useQuery({
    query: FinancingDemandSearchDocument,
    variables: { filter, orderBy: { field: orderBy, direction: 'DESC' }, first: PAGE, after },
  });
  if (error) return <ErrorNotice error={error} />;
  if (fetching && !data)
    return (
      <li>
        <Loading />
      </li>
    );
  return <ResultChunk page={data?.financingDemands} last={last} onMore={onMore} />;
}

/** New demands matching the filter as they are published; the panel can be pinned to stay in view. */
function LiveFeed({ filter }: { filter: FinancingDemandFilter }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const [pinned, setPinned] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const onDemand = useCallback(
    (previous: FinancingDemandFieldsFragment[] | undefined, event: FinancingDemandPublishedSubscription) => {
      const demand = event.financingDemandPublished;
      setAnnouncement(
        t('financing.workbench.newDemand', {
          enterprise: demand.enterprise.name,
          amount: formatLoanAmount(demand.amount, language),
        }),
      );
      return [demand, ...(previous ?? []).filter((d) => d.id !== demand.id)].slice(0, 20);
    },
    [t, language],
  );
  const [{ data }] = useSubscription({ query: FinancingDemandPublishedDocument, variables: { filter } }, onDemand);
  return (
    <section
      className={`section live-feed${pinned ? ' live-feed--pinned' : ''}`}
      aria-labelledby="feed-title"
      data-testid="live-feed"
    >
      <div className="live-feed__head">
        <h2 id="feed-title">{t('financing.workbench.liveFeed')}</h2>
        <button
          type="button"
          className="button button--quiet button--small"
          aria-pressed={pinned}
          onClick={() => setPinned(!pinned)}
        >
          {pinned ? t('financing.workbench.pinned') : t('financing.workbench.pin')}
        </button>
      </div>
      <p className="field__hint">{t('financing.workbench.liveFeedIntro')}</p>
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
      {data?.length ? (
        <ul className="cards">
          {data.map((demand) => (
            <DemandCard key={demand.id} demand={demand} live />
          ))}
        </ul>
      ) : (
        <EmptyState>{t('financing.workbench.feedWaiting')}</EmptyState>
      )}
    </section>
  );
}

function Alerts({ filter }: { filter: FinancingDemandFilter }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<GroupedUserErrors>(NO_SERVER_ERRORS);
  const [saved, setSaved] = useState(false);
  const [{ data, error }, refetch] = useQuery({ query: MyFinancingDemandAlertsDocument });
  const [{ fetching: saving }, save] = useMutation(SaveFinancingDemandAlertDocument);
  const [, remove] = useMutation(DeleteFinancingDemandAlertDocument);
  const onSave = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!name.trim()) {
      setErrors({ byField: { name: [t('financing.validation.required')] }, general: [] });
      return;
    }
    const result = await save({ input: { name: name.trim(), filter } });
    const payload = result.data?.saveFinancingDemandAlert;
    if (!payload) return;
    if (payload.userErrors.length) {
      setErrors(groupUserErrors(payload.userErrors, ['name']));
      return;
    }
    setErrors(NO_SERVER_ERRORS);
    setName('');
    setSaved(true);
    refetch({ requestPolicy: 'network-only' });
  };
  const onDelete = async (id: string) => {
    const result = await remove({ input: { id } });
    const payload = payloadOf(result.data);
    if (payload?.userErrors.length) setErrors(groupUserErrors(payload.userErrors, []));
    refetch({ requestPolicy: 'network-only' });
  };
  const alerts = data?.myFinancingDemandAlerts ?? [];
  return (
    <section className="section" aria-labelledby="alerts-title">
      <h2 id="alerts-title">{t('financing.workbench.alerts')}</h2>
      <p className="field__hint">{t('financing.workbench.alertsIntro')}</p>
      {error ? <ErrorNotice error={error} /> : null}
      <form className="form" onSubmit={onSave} noValidate>
        <FormErrors messages={errors.general} />
        {saved ? <Notice kind="success">{t('financing.workbench.alertSaved')}</Notice> : null}
        <TextField
          label={t('financing.workbench.alertName')}
          name="alertName"
          value={name}
          errors={errors.byField.name}
          onChange={(event) => setName(event.target.value)}
        />
        <div className="form__actions">
          <button type="submit" className="button button--secondary" disabled={saving}>
            {t('financing.workbench.saveAlert')}
          </button>
        </div>
      </form>
      {data && alerts.length === 0 ? <EmptyState>{t('financing.workbench.alertsEmpty')}</EmptyState> : null}
      {alerts.length ? (
        <ul className="alert-list" data-testid="alerts">
          {alerts.map((alert) => (
            <li key={alert.id}>
              <span>
                {alert.name} <span className="field__hint">{formatDateTime(alert.createdAt, language)}</span>
              </span>
              <button
                type="button"
                className="button button--quiet button--small"
                aria-label={t('financing.workbench.deleteAlert', { name: alert.name })}
                onClick={() => void onDelete(alert.id)}
              >
                {t('financing.workbench.delete')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** The bank officer's workbench: search with every filter of the API, a live feed, saved alerts. */
export function WorkbenchPage() {
  const { t } = useTranslation();
  const [form, setForm] = useState<SearchForm>(EMPTY_SEARCH);
  const [applied, setApplied] = useState<SearchForm>(EMPTY_SEARCH);
  const [orderBy, setOrderBy] = useState<FinancingDemandOrderField>('PUBLISHED_AT');
  const [cursors, setCursors] = useState<string[]>([]);
  const filter = useMemo(() => toDemandFilter(applied), [applied]);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: FinancingDemandSearchDocument,
    variables: { filter, orderBy: { field: orderBy, direction: 'DESC' }, first: PAGE },
    requestPolicy: 'cache-and-network',
  });
  const update = (patch: Partial<SearchForm>) => setForm({ ...form, ...patch });
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setCursors([]);
    setApplied(form);
  };
  const page = data?.financingDemands;
  return (
    <Page title={t('financing.workbench.title')} intro={t('financing.workbench.intro')} wide>
      <nav className="toolbar" aria-label={t('financing.workbench.title')}>
        <Link className="button button--secondary" to="/financing/workbench/offers">
          {t('financing.workbench.myOffers')}
        </Link>
        <Link className="button button--secondary" to="/financing/workbench/products">
          {t('financing.workbench.myProducts')}
        </Link>
      </nav>
      <div className="workbench">
        <div className="workbench__main">
          <form className="form filters" onSubmit={onSearch} aria-labelledby="filters-title">
            <h2 id="filters-title">{t('financing.workbench.filters')}</h2>
            <CheckboxGroup
              legend={t('financing.workbench.districts')}
              name="districts"
              options={enumOptions(t, 'District')}
              values={form.districts}
              onChange={(value, on) => update({ districts: toggle(form.districts, value as District, on) })}
            />
            <CheckboxGroup
              legend={t('financing.workbench.guaranteeTypes')}
              name="guaranteeTypes"
              options={financingOptions(t, 'GuaranteeType')}
              values={form.guaranteeTypes}
              onChange={(value, on) =>
                update({ guaranteeTypes: toggle(form.guaranteeTypes, value as GuaranteeType, on) })
              }
            />
            <div className="form__row">
              <TextField
                label={t('financing.workbench.industries')}
                hint={t('financing.workbench.industriesHint')}
                name="industries"
                value={form.industries}
                onChange={(event) => update({ industries: event.target.value })}
              />
              <TextField
                label={t('financing.workbench.amountMin')}
                name="amountMin"
                inputMode="decimal"
                value={form.amountMin}
                onChange={(event) => update({ amountMin: event.target.value })}
              />
              <TextField
                label={t('financing.workbench.amountMax')}
                name="amountMax"
                inputMode="decimal"
                value={form.amountMax}
                onChange={(event) => update({ amountMax: event.target.value })}
              />
              <TextField
                label={t('financing.workbench.termMonthsMax')}
                name="termMonthsMax"
                inputMode="numeric"
                value={form.termMonthsMax}
                onChange={(event) => update({ termMonthsMax: event.target.value })}
              />
              <SelectField
                label={t('financing.workbench.foreignInvested')}
                name="foreignInvested"
                value={form.foreignInvested}
                options={[
                  { value: '', label: t('financing.workbench.any') },
                  { value: 'true', label: t('common.yes') },
                  { value: 'false', label: t('common.no') },
                ]}
                onChange={(event) => update({ foreignInvested: event.target.value as SearchForm['foreignInvested'] })}
              />
              <TextField
                label={t('financing.workbench.publishedAfter')}
                name="publishedAfter"
                type="date"
                value={form.publishedAfter}
                onChange={(event) => update({ publishedAfter: event.target.value })}
              />
            </div>
            <div className="form__actions">
              <button type="submit" className="button button--primary">
                {t('financing.workbench.search')}
              </button>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => {
                  setForm(EMPTY_SEARCH);
                  setApplied(EMPTY_SEARCH);
                  setCursors([]);
                }}
              >
                {t('financing.workbench.reset')}
              </button>
            </div>
          </form>

          <section className="section" aria-labelledby="results-title">
            <div className="results-head">
              <h2 id="results-title">{t('financing.workbench.results')}</h2>
              <SelectField
                label={t('financing.workbench.orderBy')}
                name="orderBy"
                value={orderBy}
                options={[
                  { value: 'PUBLISHED_AT', label: t('financing.workbench.newest') },
                  { value: 'AMOUNT', label: t('financing.workbench.largest') },
                ]}
                onChange={(event) => {
                  setCursors([]);
                  setOrderBy(event.target.value as FinancingDemandOrderField);
                }}
              />
            </div>
            {page ? (
              <p role="status" data-testid="demand-count">
                {t('financing.workbench.count', { count: page.totalCount })}
              </p>
            ) : null}
            {fetching && !data ? <Loading /> : null}
            {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
            {page && page.edges.length === 0 ? <EmptyState>{t('financing.workbench.empty')}</EmptyState> : null}
            <ul className="cards" data-testid="search-results">
              <ResultChunk page={page} last={cursors.length === 0} onMore={(cursor) => setCursors([cursor])} />
              {cursors.map((cursor, index) => (
                <LaterResults
                  key={cursor}
                  filter={filter}
                  orderBy={orderBy}
                  after={cursor}
                  last={index === cursors.length - 1}
                  onMore={(next) => setCursors([...cursors, next])}
                />
              ))}
            </ul>
          </section>
        </div>
        <aside className="workbench__side">
          <LiveFeed key={JSON.stringify(filter)} filter={filter} />
          <Alerts filter={filter} />
        </aside>
      </div>
    </Page>
  );
}
