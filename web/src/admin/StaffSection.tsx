import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { groupUserErrors } from '../api/errors';
import { EmptyState, ErrorNotice, FormErrors, Loading, Notice } from '../components/Feedback';
import { CheckboxField, SelectField, TextField } from '../components/Field';
import {
  AdminCreateOrganisationDocument,
  AdminCreateStaffAccountDocument,
  AdminDisableStaffAccountDocument,
  AdminEnableStaffAccountDocument,
  AdminResetStaffPasswordDocument,
  AdminStaffAccountsDocument,
  type Department,
  type OrganisationKind,
  type Role,
} from '../gql/graphql';
import { formatDateTime } from '../i18n/format';
import { usePreferences } from '../preferences/PreferencesProvider';

const ROLES: Role[] = ['OFFICIAL', 'BANK_OFFICER', 'HOST_AGENT', 'ADMIN'];
const DEPARTMENTS: Department[] = [
  'MARKET_REGULATION',
  'COMMERCE',
  'FINANCE',
  'TAX',
  'SOCIAL_INSURANCE',
  'MEDICAL_INSURANCE',
  'HOUSING_FUND',
];
const KINDS: OrganisationKind[] = ['BANK', 'LAW_FIRM', 'ACCOUNTING_FIRM'];
type Grouped = { general: string[]; byField: Record<string, string[]> };
const NO_ERRORS: Grouped = { general: [], byField: {} };

function OrganisationForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ name: '', kind: 'BANK' as OrganisationKind, uscc: '' });
  const [errors, setErrors] = useState<Grouped>(NO_ERRORS);
  const [done, setDone] = useState(false);
  const [{ fetching }, create] = useMutation(AdminCreateOrganisationDocument);
  return (
    <form
      className="form"
      aria-labelledby="org-title"
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await create({ input: { name: form.name, kind: form.kind, uscc: form.uscc || null } });
        const payload = result.data?.createOrganisation;
        if (payload?.userErrors.length) return setErrors(groupUserErrors(payload.userErrors, ['name', 'kind', 'uscc']));
        setErrors(NO_ERRORS);
        setDone(true);
        setForm({ name: '', kind: 'BANK', uscc: '' });
        onCreated();
      }}
    >
      <h3 id="org-title">{t('admin.staff.orgTitle')}</h3>
      {done ? <Notice kind="success">{t('admin.staff.orgDone')}</Notice> : null}
      <FormErrors messages={errors.general} />
      <TextField
        label={t('admin.staff.orgName')}
        name="orgName"
        required
        value={form.name}
        errors={errors.byField.name}
        onChange={(e) => setForm({ ...form, name: e.target.value })}
      />
      <SelectField
        label={t('admin.staff.orgKind')}
        name="orgKind"
        value={form.kind}
        options={KINDS.map((kind) => ({ value: kind, label: t(`admin.staff.kinds.${kind}`) }))}
        onChange={(e) => setForm({ ...form, kind: e.target.value as OrganisationKind })}
      />
      <TextField
        label={t('admin.staff.orgUscc')}
        name="orgUscc"
        value={form.uscc}
        errors={errors.byField.uscc}
        onChange={(e) => setForm({ ...form, uscc: e.target.value })}
      />
      <div className="form__actions">
        <button type="submit" className="button button--secondary" disabled={fetching}>
          {t('admin.staff.orgSubmit')}
        </button>
      </div>
    </form>
  );
}

function StaffForm({
  organisations,
  onCreated,
}: {
  organisations: { id: string; name: string; kind: OrganisationKind }[];
  onCreated: () => void;
}) {
  const { t } = useTranslation();
  const empty = {
    displayName: '',
    email: '',
    password: '',
    role: 'OFFICIAL' as Role,
    department: '',
    organisationId: '',
  };
  const [form, setForm] = useState(empty);
  const [organisationAdmin, setOrganisationAdmin] = useState(false);
  const [errors, setErrors] = useState<Grouped>(NO_ERRORS);
  const [done, setDone] = useState(false);
  const [{ fetching }, create] = useMutation(AdminCreateStaffAccountDocument);
  const set = (key: keyof typeof empty) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  return (
    <form
      className="form"
      aria-labelledby="staff-create-title"
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await create({
          input: {
            displayName: form.displayName,
            email: form.email,
            password: form.password,
            role: form.role,
            department: (form.department || null) as Department | null,
            organisationId: form.organisationId || null,
            organisationAdmin,
          },
        });
        const payload = result.data?.createStaffAccount;
        if (payload?.userErrors.length)
          return setErrors(
            groupUserErrors(payload.userErrors, [
              'displayName',
              'email',
              'password',
              'role',
              'department',
              'organisationId',
              'organisationAdmin',
            ]),
          );
        setErrors(NO_ERRORS);
        setDone(true);
        setForm(empty);
        setOrganisationAdmin(false);
        onCreated();
      }}
    >
      <h3 id="staff-create-title">{t('admin.staff.create')}</h3>
      {done ? <Notice kind="success">{t('admin.staff.createdDone')}</Notice> : null}
      <FormErrors messages={errors.general} />
      <TextField
        label={t('admin.staff.displayName')}
        name="displayName"
        required
        value={form.displayName}
        errors={errors.byField.displayName}
        onChange={set('displayName')}
      />
      <TextField
        label={t('admin.staff.email')}
        name="staffEmail"
        type="email"
        required
        value={form.email}
        errors={errors.byField.email}
        onChange={set('email')}
      />
      <TextField
        label={t('admin.staff.password')}
        name="staffPassword"
        type="password"
        autoComplete="new-password"
        required
        value={form.password}
        errors={errors.byField.password}
        onChange={set('password')}
      />
      <SelectField
        label={t('admin.staff.role')}
        name="role"
        value={form.role}
        options={ROLES.map((role) => ({ value: role, label: t(`enums.Role.${role}`) }))}
        onChange={set('role')}
      />
      <SelectField
        label={t('admin.staff.department')}
        name="department"
        value={form.department}
        placeholder={t('admin.staff.none')}
        errors={errors.byField.department}
        options={DEPARTMENTS.map((d) => ({ value: d, label: t(`admin.departments.${d}`) }))}
        onChange={set('department')}
      />
      <SelectField
        label={t('admin.staff.organisation')}
        name="organisationId"
        value={form.organisationId}
        placeholder={t('admin.staff.none')}
        errors={errors.byField.organisationId}
        options={organisations.map((o) => ({ value: o.id, label: `${o.name}（${t(`admin.staff.kinds.${o.kind}`)}）` }))}
        onChange={set('organisationId')}
      />
      <CheckboxField
        label={t('admin.staff.organisationAdmin')}
        name="organisationAdmin"
        checked={organisationAdmin}
        errors={errors.byField.organisationAdmin}
        onChange={(e) => setOrganisationAdmin(e.target.checked)}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={fetching}>
          {t('admin.staff.submit')}
        </button>
      </div>
    </form>
  );
}

export function StaffSection() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: AdminStaffAccountsDocument,
    variables: { first: 100 },
    requestPolicy: 'cache-and-network',
  });
  const [, disable] = useMutation(AdminDisableStaffAccountDocument);
  const [, enable] = useMutation(AdminEnableStaffAccountDocument);
  const [, reset] = useMutation(AdminResetStaffPasswordDocument);
  const [temporary, setTemporary] = useState<{ name: string; password: string } | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const staff = data?.staffAccounts.edges.map((edge) => edge.node) ?? [];
  const organisations = data?.organisations.edges.map((edge) => edge.node) ?? [];
  const act = async (run: () => Promise<{ userErrors: { message: string }[] } | null | undefined>) => {
    const payload = await run();
    setProblems(payload?.userErrors.map((e) => e.message) ?? []);
    reload();
  };
  return (
    <section className="section" aria-labelledby="staff-title">
      <h2 id="staff-title">{t('admin.staff.title')}</h2>
      <div className="admin-forms">
        <StaffForm organisations={organisations} onCreated={reload} />
        <OrganisationForm onCreated={reload} />
      </div>
      {temporary ? (
        <div className="notice notice--warning" role="status" data-testid="temporary-password">
          <p>{t('admin.staff.temporaryTitle', { name: temporary.name })}</p>
          <p>
            <code>{temporary.password}</code>
          </p>
        </div>
      ) : null}
      <FormErrors messages={problems} />
      {fetching && !data ? <Loading /> : null}
      {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      {data && staff.length === 0 ? <EmptyState>{t('admin.staff.empty')}</EmptyState> : null}
      {staff.length ? (
        <ul className="cards" data-testid="staff-accounts">
          {staff.map((user) => (
            <li key={user.id} className="card" data-testid="staff-account">
              <h3 className="card__title">
                {user.displayName}{' '}
                <span className={`badge badge--${user.disabledAt ? 'danger' : 'success'}`}>
                  {user.disabledAt ? t('admin.staff.disabled') : t('admin.staff.active')}
                </span>
              </h3>
              <dl className="facts">
                <dt>{t('admin.staff.email')}</dt>
                <dd>{user.email}</dd>
                <dt>{t('admin.staff.role')}</dt>
                <dd>
                  {t(`enums.Role.${user.role}`)}
                  {user.department ? ` · ${t(`admin.departments.${user.department}`)}` : null}
                  {user.organisation ? ` · ${user.organisation.name}` : null}
                </dd>
                <dt>{t('admin.keys.created')}</dt>
                <dd>{formatDateTime(user.createdAt, language)}</dd>
              </dl>
              <div className="form__actions">
                {user.disabledAt ? (
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() =>
                      void act(async () => (await enable({ input: { id: user.id } })).data?.enableStaffAccount)
                    }
                  >
                    {t('admin.staff.enable')}
                  </button>
                ) : (
                  <button
                    type="button"
                    className="button button--danger"
                    onClick={() =>
                      void act(async () => (await disable({ input: { id: user.id } })).data?.disableStaffAccount)
                    }
                  >
                    {t('admin.staff.disable')}
                  </button>
                )}
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() =>
                    void act(async () => {
                      const payload = (await reset({ input: { id: user.id } })).data?.resetStaffPassword;
                      if (payload?.temporaryPassword)
                        setTemporary({ name: user.displayName, password: payload.temporaryPassword });
                      return payload;
                    })
                  }
                >
                  {t('admin.staff.reset')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
