import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ErrorNotice, Loading } from '../components/Feedback';
import { TextField } from '../components/Field';
import { Page } from '../components/Page';
import { ServiceCaseStatsDocument } from '../gql/graphql';
import { todayInQingdao } from '../i18n/format';

// The figures of the commerce desk, with a bar chart drawn as plain SVG: no chart library to load.

function BarChart({ title, rows }: { title: string; rows: { key: string; count: number }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  const width = Math.max(320, rows.length * 48);
  const height = 180;
  const bar = width / Math.max(1, rows.length);
  return (
    <figure className="chart" data-testid="month-chart">
      <figcaption>{title}</figcaption>
      <svg
        role="img"
        aria-label={`${title}: ${rows.map((r) => `${r.key} ${r.count}`).join(', ')}`}
        viewBox={`0 0 ${width} ${height + 30}`}
        width="100%"
      >
        {rows.map((r, i) => {
          const h = (r.count / max) * height;
          return (
            <g key={r.key}>
              <rect x={i * bar + 6} y={height - h} width={bar - 12} height={h} fill="currentColor" opacity={0.7} />
              <text x={i * bar + bar / 2} y={height - h - 4} textAnchor="middle" fontSize="12">
                {r.count}
              </text>
              <text x={i * bar + bar / 2} y={height + 18} textAnchor="middle" fontSize="11">
                {r.key.slice(2)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${Math.round(rate * 100)}%`;
}

export function FiguresPage() {
  const { t } = useTranslation();
  const today = todayInQingdao();
  const [from, setFrom] = useState(`${Number(today.slice(0, 4)) - 1}${today.slice(4, 7)}-01`);
  const [to, setTo] = useState(today);
  const [{ data, fetching, error }] = useQuery({ query: ServiceCaseStatsDocument, variables: { from, to } });
  const stats = data?.serviceCaseStats;
  const table = (title: string, rows: { key: string; count: number }[], label: (key: string) => string) => (
    <table>
      <caption>{title}</caption>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{label(r.key)}</th>
            <td>{r.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <Page title={t('investorServices.figures')} wide>
      <div className="actions">
        <TextField
          type="date"
          label={t('investorServices.from')}
          name="from"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <TextField
          type="date"
          label={t('investorServices.to')}
          name="to"
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
      </div>
      {fetching && !data ? <Loading /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {stats ? (
        <>
          <dl className="facts" data-testid="figures">
            <dt>{t('investorServices.total')}</dt>
            <dd>{stats.total}</dd>
            <dt>{t('investorServices.overdue')}</dt>
            <dd>{stats.overdue}</dd>
            <dt>{t('investorServices.onTimeAcceptance')}</dt>
            <dd>{percent(stats.onTimeAcceptanceRate)}</dd>
            <dt>{t('investorServices.onTimeResolution')}</dt>
            <dd>{percent(stats.onTimeResolutionRate)}</dd>
            <dt>{t('investorServices.medianDays')}</dt>
            <dd>{stats.medianWorkingDaysToResolve ?? '—'}</dd>
            <dt>{t('investorServices.averageRating')}</dt>
            <dd>{stats.averageRating ?? '—'}</dd>
          </dl>
          <BarChart title={t('investorServices.byMonth')} rows={stats.byMonth} />
          <div className="table-wrap">
            {table(t('investorServices.byKind'), stats.byKind, (k) => t(`investorServices.kinds.${k}`))}
            {table(t('investorServices.byStatus'), stats.byStatus, (k) => t(`investorServices.statuses.${k}`))}
            {table(t('investorServices.byCategory'), stats.byCategory, (k) => k)}
          </div>
        </>
      ) : null}
    </Page>
  );
}
