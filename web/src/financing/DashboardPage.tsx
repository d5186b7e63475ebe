import { lazy, Suspense, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { EmptyState, ErrorNotice, FormErrors, Loading } from '../components/Feedback';
import { SelectField, TextField } from '../components/Field';
import { Page } from '../components/Page';
import { FinancingStatsDocument, type FinancingStatsGrouping, type FinancingStatsQuery } from '../gql/graphql';
import { formatDate, todayInQingdao } from '../i18n/format';
import { usePreferences } from '../preferences/PreferencesProvider';
import { financingLabel, financingOptions, formatDecimal, formatFraction, formatLoanAmount } from './format';

const Chart = lazy(() => import('./Charts').then((module) => ({ default: module.Chart })));

type Row = FinancingStatsQuery['financingStats'][number];

/** The day `months` months before `day` ("YYYY-MM-DD"), clamped to the month's length. */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

const wan = (amount: string) => Math.round(Number(amount) / 100) / 100;

function StatsTable({ rows, caption }: { rows: Row[]; caption: string }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  return (
    // Focusable so that a keyboard can scroll the table sideways on a narrow screen.
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table data-testid="stats-table" className="stats-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('financing.dashboard.group')}</th>
            <th scope="col">{t('financing.dashboard.demandCount')}</th>
            <th scope="col">{t('financing.dashboard.amountRequested')}</th>
            <th scope="col">{t('financing.dashboard.claimRate')}</th>
            <th scope="col">{t('financing.dashboard.medianHoursToFirstOffer')}</th>
            <th scope="col">{t('financing.dashboard.obtainedRate')}</th>
            <th scope="col">{t('financing.dashboard.amountDisbursed')}</th>
            <th scope="col">{t('financing.dashboard.medianDaysToDisbursement')}</th>
            <th scope="col">{t('financing.dashboard.amountPerEnterprise')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td>{row.demandCount}</td>
              <td>{formatLoanAmount(row.amountRequested, language)}</td>
              <td>{formatFraction(row.claimRate, language)}</td>
              <td>{formatDecimal(row.medianHoursToFirstOffer, language)}</td>
              <td>{formatFraction(row.obtainedRate, language)}</td>
              <td>{formatLoanAmount(row.amountDisbursed, language)}</td>
              <td>{formatDecimal(row.medianDaysToDisbursement, language)}</td>
              <td>
                {row.amountDisbursedPerEnterprise ? formatLoanAmount(row.amountDisbursedPerEnterprise, language) : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The FINANCE official's figures over a date range: a table by the chosen grouping, and two charts. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const { language, elder } = usePreferences();
  const today = todayInQingdao();
  const [form, setForm] = useState({
    from: monthsBefore(today, 6),
    to: today,
    groupBy: 'DISTRICT' as FinancingStatsGrouping,
  });
  const [applied, setApplied] = useState(form);
  const [problem, setProblem] = useState<string[]>([]);
  const range = { from: applied.from, to: applied.to };
  const [{ data, fetching, error }, refetch] = useQuery({
    query: FinancingStatsDocument,
    variables: { ...range, groupBy: applied.groupBy },
  });
  const [{ data: byDistrict }] = useQuery({
    query: FinancingStatsDocument,
    variables: { ...range, groupBy: 'DISTRICT' },
  });
  const [{ data: byMonth }] = useQuery({ query: FinancingStatsDocument, variables: { ...range, groupBy: 'MONTH' } });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.from || !form.to || form.from > form.to) {
      setProblem([t('financing.dashboard.invalidRange')]);
      return;
    }
    setProblem([]);
    setApplied(form);
  };
  const districtChart = useMemo(() => {
    const rows = byDistrict?.financingStats ?? [];
    return {
      categories: rows.map((r) => r.label),
      series: [
        { name: t('financing.dashboard.series.requested'), values: rows.map((r) => wan(r.amountRequested.amount)) },
        { name: t('financing.dashboard.series.disbursed'), values: rows.map((r) => wan(r.amountDisbursed.amount)) },
      ],
    };
  }, [byDistrict, t]);
  const monthChart = useMemo(() => {
    const rows = byMonth?.financingStats ?? [];
    return {
      categories: rows.map((r) => r.label),
      series: [
        { name: t('financing.dashboard.series.demands'), values: rows.map((r) => r.demandCount) },
        { name: t('financing.dashboard.series.disbursements'), values: rows.map((r) => r.disbursedCount) },
      ],
    };
  }, [byMonth, t]);
  const rows = data?.financingStats ?? [];
  const caption = t('financing.dashboard.tableCaption', {
    from: formatDate(applied.from, language),
    to: formatDate(applied.to, language),
    group: financingLabel(t, 'FinancingStatsGrouping', applied.groupBy),
  });
  return (
    <Page title={t('financing.dashboard.title')} intro={t('financing.dashboard.intro')} wide>
      <form className="form filters" onSubmit={onSubmit} noValidate>
        <FormErrors messages={problem} />
        <div className="form__row">
          <TextField
            label={t('financing.dashboard.from')}
            name="from"
            type="date"
            value={form.from}
            onChange={(event) => setForm({ ...form, from: event.target.value })}
          />
          <TextField
            label={t('financing.dashboard.to')}
            name="to"
            type="date"
            value={form.to}
            onChange={(event) => setForm({ ...form, to: event.target.value })}
          />
          <SelectField
            label={t('financing.dashboard.groupBy')}
            name="groupBy"
            value={form.groupBy}
            options={financingOptions(t, 'FinancingStatsGrouping')}
            onChange={(event) => setForm({ ...form, groupBy: event.target.value as FinancingStatsGrouping })}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            {t('financing.dashboard.show')}
          </button>
        </div>
      </form>
      {fetching && !data ? <Loading /> : null}
      {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {data && rows.length === 0 ? <EmptyState>{t('financing.dashboard.empty')}</EmptyState> : null}
      {rows.length ? (
        <>
          <div className="charts">
            <figure className="chart-figure">
              <figcaption>{t('financing.dashboard.chartByDistrict')}</figcaption>
              <Suspense fallback={<Loading label={t('financing.dashboard.loadingCharts')} />}>
                <Chart
                  kind="bar"
                  label={`${t('financing.dashboard.chartByDistrict')}. ${t('financing.dashboard.chartAlt')}`}
                  categories={districtChart.categories}
                  series={districtChart.series}
                  elder={elder}
                  testId="chart-district"
                />
              </Suspense>
            </figure>
            <figure className="chart-figure">
              <figcaption>{t('financing.dashboard.chartTrend')}</figcaption>
              <Suspense fallback={<Loading label={t('financing.dashboard.loadingCharts')} />}>
                <Chart
                  kind="line"
                  label={`${t('financing.dashboard.chartTrend')}. ${t('financing.dashboard.chartAlt')}`}
                  categories={monthChart.categories}
                  series={monthChart.series}
                  elder={elder}
                  testId="chart-month"
                />
              </Suspense>
            </figure>
          </div>
          <StatsTable rows={rows} caption={caption} />
        </>
      ) : null}
    </Page>
  );
}
