import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { groupUserErrors } from '../api/errors';
import { EmptyState, ErrorNotice, FormErrors, Loading } from '../components/Feedback';
import { CheckboxField, TextField } from '../components/Field';
import { OneTimeSecret } from '../components/OneTimeSecret';
import {
  AdminApiKeysDocument,
  AdminCreateApiKeyDocument,
  AdminRevokeApiKeyDocument,
  AdminRotateApiKeyDocument,
  type ApiScope,
} from '../gql/graphql';
import { formatDateTime } from '../i18n/format';
import { usePreferences } from '../preferences/PreferencesProvider';
import { ApiKeyEditForm } from './ApiKeyEditForm';

// The keys section, shared by the platform administrator's console (every key, every scope) and an
// organisation administrator's page (its organisation's keys, the scopes its kind allows): the server
// decides which keys each sees.

const ALL_SCOPES: ApiScope[] = ['FINANCING_READ', 'REGISTRATION_READ', 'NAMES_READ', 'HOSTING_READ', 'EVENTS_READ'];

/** The key's secret, shown this once: only its hash is kept on the server. */
function SecretNotice({ title, secret, onDismiss }: { title: string; secret: string; onDismiss: () => void }) {
  return (
    <OneTimeSecret
      id="api-key-secret"
      title={title}
      secret={secret}
      keys={{ hint: 'admin.keys.secretHint', label: 'admin.keys.secretLabel', dismiss: 'admin.keys.dismiss' }}
      onDismiss={onDismiss}
    />
  );
}

function CreateKeyForm({ scopesOffered, onCreated }: { scopesOffered: readonly ApiScope[]; onCreated: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>([]);
  const [expiresOn, setExpiresOn] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ general: string[]; byField: Record<string, string[]> }>({
    general: [],
    byField: {},
  });
  const [{ fetching }, create] = useMutation(AdminCreateApiKeyDocument);
  const submit = async () => {
    const expiresAt = expiresOn ? new Date(`${expiresOn}T23:59:59+08:00`).toISOString() : null;
    const result = await create({ input: { name, scopes, expiresAt } });
    const payload = result.data?.createApiKey;
    if (result.error) return setErrors({ general: [result.error.message], byField: {} });
    if (payload?.userErrors.length)
      return setErrors(groupUserErrors(payload.userErrors, ['name', 'scopes', 'expiresAt']));
    setErrors({ general: [], byField: {} });
    setSecret(payload?.secret ?? null);
    setName('');
    setScopes([]);
    setExpiresOn('');
    onCreated();
  };
  if (secret) {
    return <SecretNotice title={t('admin.keys.secretTitle')} secret={secret} onDismiss={() => setSecret(null)} />;
  }
  return (
    <form
      className="form"
      aria-labelledby="create-key-title"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 id="create-key-title">{t('admin.keys.create')}</h3>
      <FormErrors messages={errors.general} />
      <TextField
        label={t('admin.keys.name')}
        name="name"
        value={name}
        required
        errors={errors.byField.name}
        onChange={(e) => setName(e.target.value)}
      />
      <fieldset className="fieldset">
        <legend>{t('admin.keys.scopes')}</legend>
        {errors.byField.scopes?.length ? <p className="field__errors">{errors.byField.scopes.join(' ')}</p> : null}
        {scopesOffered.map((scope) => (
          <CheckboxField
            key={scope}
            label={`${t(`admin.scopes.${scope}`)} (${scope})`}
            name={`scope-${scope}`}
            checked={scopes.includes(scope)}
            onChange={(e) =>
              setScopes((list) => (e.target.checked ? [...list, scope] : list.filter((s) => s !== scope)))
            }
          />
        ))}
      </fieldset>
      <TextField
        label={t('admin.keys.expiresAt')}
        name="expiresOn"
        type="date"
        value={expiresOn}
        errors={errors.byField.expiresAt}
        onChange={(e) => setExpiresOn(e.target.value)}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={fetching}>
          {t('admin.keys.submit')}
        </button>
      </div>
    </form>
  );
}

function DailyUse({ days }: { days: readonly { day: string; requests: number }[] }) {
  const { t } = useTranslation();
  if (days.length === 0) return <p data-testid="daily-use">{t('admin.keys.noUse')}</p>;
  return (
    <table className="table" data-testid="daily-use">
      <caption>{t('admin.keys.dailyUse')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('admin.keys.dailyUseDay')}</th>
          <th scope="col">{t('admin.keys.dailyUseRequests')}</th>
        </tr>
      </thead>
      <tbody>
        {days.map(({ day, requests }) => (
          <tr key={day}>
            <td>{day}</td>
            <td>{requests}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ApiKeysSection({
  scopesOffered = ALL_SCOPES,
  titleKey = 'admin.keys.title',
}: {
  /** The scopes the creation form offers: an organisation's administrator sees only its kind's. */
  scopesOffered?: readonly ApiScope[];
  titleKey?: string;
}) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const [rotated, setRotated] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [, rotate] = useMutation(AdminRotateApiKeyDocument);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: AdminApiKeysDocument,
    variables: { first: 100 },
    requestPolicy: 'cache-and-network',
  });
  const [, revoke] = useMutation(AdminRevokeApiKeyDocument);
  const keys = data?.apiKeys.edges.map((edge) => edge.node) ?? [];
  return (
    <section className="section" aria-labelledby="keys-title">
      <h2 id="keys-title">{t(titleKey)}</h2>
      {rotated ? (
        <SecretNotice title={t('admin.keys.rotatedTitle')} secret={rotated} onDismiss={() => setRotated(null)} />
      ) : (
        <CreateKeyForm scopesOffered={scopesOffered} onCreated={() => refetch({ requestPolicy: 'network-only' })} />
      )}
      {fetching && !data ? <Loading /> : null}
      {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {data && keys.length === 0 ? <EmptyState>{t('admin.keys.empty')}</EmptyState> : null}
      {keys.length ? (
        <ul className="cards" data-testid="api-keys">
          {keys.map((key) => (
            <li key={key.id} className="card" data-testid="api-key">
              <h3 className="card__title">
                {key.name}{' '}
                <span className={`badge badge--${key.revokedAt ? 'danger' : 'success'}`}>
                  {key.revokedAt ? t('admin.keys.revoked') : t('admin.keys.active')}
                </span>
              </h3>
              <dl className="facts">
                <dt>{t('admin.keys.prefix')}</dt>
                <dd>
                  <code>{key.prefix}…</code>
                </dd>
                <dt>{t('admin.keys.scopes')}</dt>
                <dd>{key.scopes.map((scope) => t(`admin.scopes.${scope}`)).join('、')}</dd>
                <dt>{t('admin.keys.created')}</dt>
                <dd>{formatDateTime(key.createdAt, language)}</dd>
                <dt>{t('admin.keys.expiresAt')}</dt>
                <dd>{key.expiresAt ? formatDateTime(key.expiresAt, language) : t('admin.keys.noExpiry')}</dd>
                <dt>{t('admin.keys.lastUsed')}</dt>
                <dd data-testid="last-used">
                  {key.lastUsedAt ? formatDateTime(key.lastUsedAt, language) : t('admin.keys.never')}
                </dd>
                {key.organisation ? (
                  <>
                    <dt>{t('admin.keys.organisation')}</dt>
                    <dd>{key.organisation.name}</dd>
                  </>
                ) : null}
                {key.previousSecretValidUntil ? (
                  <>
                    <dt>{t('admin.keys.previousValidUntil')}</dt>
                    <dd>{formatDateTime(key.previousSecretValidUntil, language)}</dd>
                  </>
                ) : null}
              </dl>
              <DailyUse days={key.dailyUse} />
              {!key.revokedAt && editing === key.id ? (
                <ApiKeyEditForm
                  apiKey={key}
                  onDone={(saved) => {
                    setEditing(null);
                    if (saved) refetch({ requestPolicy: 'network-only' });
                  }}
                />
              ) : null}
              {!key.revokedAt && editing !== key.id ? (
                <button type="button" className="button" onClick={() => setEditing(key.id)}>
                  {t('admin.keys.edit', { name: key.name })}
                </button>
              ) : null}
              {!key.revokedAt ? (
                <button
                  type="button"
                  className="button"
                  onClick={async () => {
                    if (!window.confirm(t('admin.keys.rotateConfirm'))) return;
                    const result = await rotate({ input: { id: key.id } });
                    const secret = result.data?.rotateApiKey.secret;
                    if (secret) setRotated(secret);
                    refetch({ requestPolicy: 'network-only' });
                  }}
                >
                  {t('admin.keys.rotate', { name: key.name })}
                </button>
              ) : null}
              {!key.revokedAt ? (
                <button
                  type="button"
                  className="button button--danger"
                  onClick={async () => {
                    if (!window.confirm(t('admin.keys.revokeConfirm'))) return;
                    await revoke({ input: { id: key.id } });
                    refetch({ requestPolicy: 'network-only' });
                  }}
                >
                  {t('admin.keys.revoke', { name: key.name })}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
