import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { groupUserErrors } from '../api/errors';
import { FormErrors, Notice } from '../components/Feedback';
import { TextField } from '../components/Field';
import { AdminLoadHolidayCalendarDocument, AdminWorkingDayPreviewDocument } from '../gql/graphql';
import { formatDate, todayInQingdao } from '../i18n/format';
import { usePreferences } from '../preferences/PreferencesProvider';

interface YearFile {
  year: number;
  holidays: string[];
  makeUpWorkdays: string[];
}

function parseYearFile(text: string): YearFile | null {
  try {
    const data = JSON.parse(text) as Partial<YearFile>;
    const days = (list: unknown) => Array.isArray(list) && list.every((d) => typeof d === 'string');
    if (!Number.isInteger(data.year) || !days(data.holidays) || !days(data.makeUpWorkdays)) return null;
    return data as YearFile;
  } catch {
    return null;
  }
}

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

export function CalendarSection() {
  const { t } = useTranslation();
  const [file, setFile] = useState<YearFile | null>(null);
  const [fileError, setFileError] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [loaded, setLoaded] = useState<number | null>(null);
  const [{ fetching }, load] = useMutation(AdminLoadHolidayCalendarDocument);
  return (
    <section className="section" aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t('admin.calendar.title')}</h2>
      <p>{t('admin.calendar.intro')}</p>
      <div className="field">
        <label className="field__label" htmlFor="calendar-file">
          {t('admin.calendar.file')}
        </label>
        <input
          id="calendar-file"
          type="file"
          accept="application/json,.json"
          onChange={async (event) => {
            const chosen = event.target.files?.[0];
            setLoaded(null);
            setErrors([]);
            const parsed = chosen ? parseYearFile(await chosen.text()) : null;
            setFile(parsed);
            setFileError(Boolean(chosen) && !parsed);
          }}
        />
      </div>
      {fileError ? <FormErrors messages={[t('admin.calendar.fileError')]} /> : null}
      {file ? (
        <div className="card" data-testid="calendar-preview">
          <h3 className="card__title">
            {t('admin.calendar.preview')}: {file.year}
          </h3>
          <p>{t('admin.calendar.holidays', { count: file.holidays.length })}</p>
          <p className="wrap-list">{file.holidays.join('、')}</p>
          <p>{t('admin.calendar.makeUp', { count: file.makeUpWorkdays.length })}</p>
          <p className="wrap-list">{file.makeUpWorkdays.join('、') || '—'}</p>
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
