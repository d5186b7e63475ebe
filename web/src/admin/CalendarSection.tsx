import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { groupUserErrors } from '../api/errors';
import { FormErrors, Notice } from '../components/Feedback';
import { TextField } from '../components/Field';
import {
  AdminLoadHolidayCalendarDocument,
  AdminWorkingDayPreviewDocument,
  AdminYearWorkingDaysDocument,
  type AdminYearWorkingDaysQueryVariables,
} from '../gql/graphql';
import { formatDate, todayInQingdao } from '../i18n/format';
import { usePreferences } from '../preferences/PreferencesProvider';
import {
  effectOf,
  monthBounds,
  parseYearFile,
  problemsOf,
  SAMPLE_WORKING_DAYS,
  sampleDays,
  type YearCalendar,
} from './calendarFile';

function WorkingDayEffect() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const [from, setFrom] = useState(todayInQingdao());
  const [days, setDays] = useState('3');
  const count = Number.parseInt(days, 10);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && Number.isInteger(count) && count >= 0 && count <= 365;
  const [{ data }] = useQuery({
    query: AdminWorkingDayPreviewDocument,
    variables: { from, days: valid ? count : 0 },
    pause: !valid,
    requestPolicy: 'network-only',
  });
  return (
    <div className="form" aria-labelledby="effect-title">
      <h3 id="effect-title">{t('admin.calendar.effectTitle')}</h3>
      <TextField
        label={t('admin.calendar.from')}
        name="from"
        type="date"
        value={from}
        onChange={(e) => setFrom(e.target.value)}
      />
      <TextField
        label={t('admin.calendar.days')}
        name="days"
        type="number"
        min={0}
        max={365}
        value={days}
        onChange={(e) => setDays(e.target.value)}
      />
      {valid && data ? (
        <p role="status" data-testid="working-day-result">
          {t('admin.calendar.result', { days: count, date: formatDate(data.workingDays.addWorkingDays, language) })}
        </p>
      ) : null}
    </div>
  );
}

/** January (0) … December (11), as the language names them. */
function monthName(month: number, language: string): string {
  return new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, month, 1));
}

/**
 * The year in the file against the calendar in force: working days per month, and a few deadlines
 * "5 working days after" a day, each with the change the file would make.
 */
function YearPreview({ file }: { file: YearCalendar }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const samples = useMemo(() => sampleDays(file), [file]);
  const proposed = useMemo(() => effectOf(file, samples), [file, samples]);
  const variables = useMemo((): AdminYearWorkingDaysQueryVariables => {
    const d = monthBounds(file.year);
    const at = (list: string[], i: number) => list[i]!;
    return {
      ...{ d0: at(d, 0), d1: at(d, 1), d2: at(d, 2), d3: at(d, 3), d4: at(d, 4), d5: at(d, 5), d6: at(d, 6) },
      ...{ d7: at(d, 7), d8: at(d, 8), d9: at(d, 9), d10: at(d, 10), d11: at(d, 11), d12: at(d, 12) },
      ...{ s1: at(samples, 0), s2: at(samples, 1), s3: at(samples, 2), s4: at(samples, 3) },
    };
  }, [file, samples]);
  const [{ data }] = useQuery({ query: AdminYearWorkingDaysDocument, variables, requestPolicy: 'network-only' });
  const current = data?.workingDays as Record<string, number | string> | undefined;
  const change = (before: number | undefined, after: number) =>
    before === undefined || before === after ? '—' : `${after - before > 0 ? '+' : ''}${after - before}`;
  return (
    <>
      <div className="table-wrap">
        <table data-testid="calendar-months">
          <caption>{t('admin.calendar.monthsCaption', { year: file.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.calendar.month')}</th>
              <th scope="col">{t('admin.calendar.inForce')}</th>
              <th scope="col">{t('admin.calendar.withFile')}</th>
              <th scope="col">{t('admin.calendar.change')}</th>
            </tr>
          </thead>
          <tbody>
            {proposed.months.map((after, i) => {
              const before = current?.[`m${i + 1}`] as number | undefined;
              return (
                <tr key={i} data-testid="calendar-month">
                  <th scope="row">{monthName(i, language)}</th>
                  <td>{before ?? '…'}</td>
                  <td>{after}</td>
                  <td>{change(before, after)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table data-testid="calendar-samples">
          <caption>{t('admin.calendar.samplesCaption', { days: SAMPLE_WORKING_DAYS })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.calendar.from')}</th>
              <th scope="col">{t('admin.calendar.inForce')}</th>
              <th scope="col">{t('admin.calendar.withFile')}</th>
            </tr>
          </thead>
          <tbody>
            {proposed.samples.map((sample, i) => {
              const before = current?.[`s${i + 1}`] as string | undefined;
              return (
                <tr key={sample.from} data-testid="calendar-sample">
                  <th scope="row">{formatDate(sample.from, language)}</th>
                  <td>{before ? formatDate(before, language) : '…'}</td>
                  <td>
                    {formatDate(sample.to, language)}
                    {before && before !== sample.to ? ` (${t('admin.calendar.changed')})` : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function CalendarSection() {
  const { t } = useTranslation();
  const [file, setFile] = useState<YearCalendar | null>(null);
  const [fileErrors, setFileErrors] = useState<string[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [loaded, setLoaded] = useState<number | null>(null);
  const [{ fetching }, load] = useMutation(AdminLoadHolidayCalendarDocument);
  const choose = (text: string | null) => {
    setLoaded(null);
    setErrors([]);
    const parsed = text === null ? null : parseYearFile(text);
    const problems = parsed ? problemsOf(parsed) : [];
    setFile(parsed && problems.length === 0 ? parsed : null);
    if (text !== null && !parsed) return setFileErrors([t('admin.calendar.fileError')]);
    setFileErrors(problems.map((p) => t(`admin.calendar.problems.${p.code}`, { date: p.date ?? '' })));
  };
  return (
    <section className="section" aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t('admin.calendar.title')}</h2>
      <p>{t('admin.calendar.intro')}</p>
      <div className="field">
        <label className="field__label" htmlFor="calendar-file">
          {t('admin.calendar.file')}
        </label>
        <p id="calendar-file-hint" className="field__hint">
          {t('admin.calendar.fileHint')}
        </p>
        <input
          id="calendar-file"
          type="file"
          accept=".json,.csv,application/json,text/csv"
          aria-describedby="calendar-file-hint"
          onChange={async (event) => {
            const chosen = event.target.files?.[0];
            choose(chosen ? await chosen.text() : null);
          }}
        />
      </div>
      <FormErrors messages={fileErrors} />
      {file ? (
        <div className="card" data-testid="calendar-preview">
          <h3 className="card__title">
            {t('admin.calendar.preview')}: {file.year}
          </h3>
          <p>{t('admin.calendar.holidays', { count: file.holidays.length })}</p>
          <p className="wrap-list">{file.holidays.join('、')}</p>
          <p>{t('admin.calendar.makeUp', { count: file.makeUpWorkdays.length })}</p>
          <p className="wrap-list">{file.makeUpWorkdays.join('、') || '—'}</p>
          <YearPreview file={file} />
          <FormErrors messages={errors} />
          <button
            type="button"
            className="button button--primary"
            disabled={fetching}
            onClick={async () => {
              const result = await load({ input: file });
              const payload = result.data?.loadHolidayCalendar;
              if (payload?.userErrors.length) return setErrors(groupUserErrors(payload.userErrors, []).general);
              if (result.error) return setErrors([result.error.message]);
              setFile(null);
              setLoaded(file.year);
            }}
          >
            {t('admin.calendar.load', { year: file.year })}
          </button>
        </div>
      ) : null}
      {loaded ? <Notice kind="success">{t('admin.calendar.loaded', { year: loaded })}</Notice> : null}
      <WorkingDayEffect />
    </section>
  );
}
