// The figures each module lets an administrator change, one form per module, each saved on its
// own through that module's mutation, with the API's messages at the field they concern.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { groupUserErrors, type UserErrorLike } from '../api/errors';
import { ErrorNotice, FormErrors, Loading, Notice } from '../components/Feedback';
import { TextField } from '../components/Field';
import {
  AdminSettingsDocument,
  AdminUpdateFinancingSettingsDocument,
  AdminUpdateHostingSettingsDocument,
  AdminUpdateNameSettingsDocument,
  AdminUpdateRegistrationSettingsDocument,
  AdminUpdateServiceCaseSettingsDocument,
  type AdminSettingsQuery,
} from '../gql/graphql';
import { formatDateTime } from '../i18n/format';
import { usePreferences } from '../preferences/PreferencesProvider';
import { outcomeOf } from './outcome';

type Grouped = { general: string[]; byField: Record<string, string[]> };
const NO_ERRORS: Grouped = { general: [], byField: {} };

interface SettingsFormProps<K extends string> {
  id: string;
  title: string;
  /** A line under the title, e.g. when the settings last changed. */
  note?: string;
  fields: readonly K[];
  values: Record<K, number>;
  /** Figures shown beside the form that the law fixes (not editable). */
  fixed?: { label: string; value: number }[];
  save: (input: Record<K, number>) => Promise<readonly UserErrorLike[]>;
}

/**
 * Whole numbers of working days, people or square metres. The browser's own checks on a required
 * whole-number input keep out an empty or fractional value; the ranges are the API's rules, and
 * its messages show at their fields. The form keeps what was typed: after a save it is what holds.
 */
function SettingsForm<K extends string>({ id, title, note, fields, values, fixed, save }: SettingsFormProps<K>) {
  const { t } = useTranslation();
  const [form, setForm] = useState(
    () => Object.fromEntries(fields.map((key) => [key, String(values[key])])) as Record<K, string>,
  );
  const [errors, setErrors] = useState<Grouped>(NO_ERRORS);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="form card"
      aria-labelledby={id}
      data-testid={id}
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        const input = Object.fromEntries(fields.map((key) => [key, Number(form[key])])) as Record<K, number>;
        const problems = await save(input).finally(() => setBusy(false));
        setSaved(problems.length === 0);
        setErrors(groupUserErrors(problems, fields));
      }}
    >
      <h3 id={id} className="card__title">
        {title}
      </h3>
      {note ? <p className="field__hint">{note}</p> : null}
      {saved ? <Notice kind="success">{t('admin.settings.saved')}</Notice> : null}
      <FormErrors messages={errors.general} />
      {fields.map((key) => (
        <TextField
          key={key}
          label={t(`admin.settings.fields.${key}`)}
          name={key}
          type="number"
          inputMode="numeric"
          step={1}
          required
          value={form[key]}
          errors={errors.byField[key]}
          onChange={(e) => {
            setSaved(false);
            setForm({ ...form, [key]: e.target.value });
          }}
        />
      ))}
      {fixed?.length ? (
        <dl className="facts">
          {fixed.map((figure) => (
            <div key={figure.label}>
              <dt>{figure.label}</dt>
              <dd>{figure.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('admin.settings.save')}
        </button>
      </div>
    </form>
  );
}

function Forms({ data, reload }: { data: AdminSettingsQuery; reload: () => void }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const [, updateNames] = useMutation(AdminUpdateNameSettingsDocument);
  const [, updateHosting] = useMutation(AdminUpdateHostingSettingsDocument);
  const [, updateCases] = useMutation(AdminUpdateServiceCaseSettingsDocument);
  const [, updateFinancing] = useMutation(AdminUpdateFinancingSettingsDocument);
  const [, updateRegistration] = useMutation(AdminUpdateRegistrationSettingsDocument);
  /** The problems; the settings are read again once saved. */
  const outcome = (
    result: { error?: CombinedError },
    payload: { userErrors: readonly UserErrorLike[] } | null | undefined,
  ) => {
    const problems = outcomeOf(result, payload, t);
    if (!problems.length) reload();
    return problems;
  };
  const changed = (at: string) => t('admin.settings.updatedAt', { at: formatDateTime(at, language) });
  const cases = data.serviceCaseSettings;
  return (
    <div className="admin-forms">
      <SettingsForm
        id="settings-names"
        title={t('admin.settings.names')}
        note={changed(data.nameSettings.updatedAt)}
        fields={['verificationWindowWorkingDays'] as const}
        values={data.nameSettings}
        save={async (input) => {
          const result = await updateNames({ input });
          return outcome(result, result.data?.updateNameSettings);
        }}
      />
      <SettingsForm
        id="settings-hosting"
        title={t('admin.settings.hosting')}
        note={changed(data.hostingSettings.updatedAt)}
        fields={['acknowledgeWithinWorkingDays', 'enterprisesPerSecretary', 'floorAreaPerEnterprise'] as const}
        values={data.hostingSettings}
        save={async (input) => {
          const result = await updateHosting({ input });
          return outcome(result, result.data?.updateHostingSettings);
        }}
      />
      <SettingsForm
        id="settings-cases"
        title={t('admin.settings.cases')}
        fields={['consultationWorkingDays', 'suggestionWorkingDays'] as const}
        values={cases}
        fixed={[
          { label: t('admin.settings.fields.acceptanceWorkingDays'), value: cases.acceptanceWorkingDays },
          { label: t('admin.settings.fields.resolutionWorkingDays'), value: cases.resolutionWorkingDays },
        ]}
        save={async (input) => {
          const result = await updateCases({ input });
          return outcome(result, result.data?.updateServiceCaseSettings);
        }}
      />
      <SettingsForm
        id="settings-financing"
        title={t('admin.settings.financing')}
        note={changed(data.financingSettings.updatedAt)}
        fields={['demandValidityDays'] as const}
        values={data.financingSettings}
        save={async (input) => {
          const result = await updateFinancing({ input });
          return outcome(result, result.data?.updateFinancingSettings);
        }}
      />
      <SettingsForm
        id="settings-registration"
        title={t('admin.settings.registration')}
        note={changed(data.registrationSettings.updatedAt)}
        fields={['agentInvitationValidDays'] as const}
        values={data.registrationSettings}
        save={async (input) => {
          const result = await updateRegistration({ input });
          return outcome(result, result.data?.updateRegistrationSettings);
        }}
      />
    </div>
  );
}

export function SettingsSection() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: AdminSettingsDocument,
    requestPolicy: 'cache-and-network',
  });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <section className="section" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('admin.settings.title')}</h2>
      <p>{t('admin.settings.intro')}</p>
      {fetching && !data ? <Loading /> : null}
      {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      {data ? <Forms data={data} reload={reload} /> : null}
    </section>
  );
}
