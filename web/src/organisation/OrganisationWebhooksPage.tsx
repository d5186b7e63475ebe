// An organisation administrator's page: its organisation's webhook endpoints and their delivery logs.
// Its own chunk, loaded only when opened.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { groupUserErrors } from '../api/errors';
import { EmptyState, ErrorNotice, FormErrors, Loading, Notice } from '../components/Feedback';
import { CheckboxField, TextField } from '../components/Field';
import { OneTimeSecret } from '../components/OneTimeSecret';
import { Page } from '../components/Page';
import {
  OrgCreateWebhookEndpointDocument,
  OrgDeleteWebhookEndpointDocument,
  OrgRedeliverWebhookDocument,
  OrgRotateWebhookSecretDocument,
  OrgUpdateWebhookEndpointDocument,
  OrgWebhookEndpointsDocument,
  type OrgWebhookEndpointFieldsFragment,
} from '../gql/graphql';
import { formatDateTime } from '../i18n/format';
import { usePreferences } from '../preferences/PreferencesProvider';
import { RequireRole } from '../session/RequireRole';
import { useViewer } from '../session/useViewer';

/** The event types offered: those an organisation's feed carries that a partner system usually wants. */
const EVENT_TYPES = [
  'FINANCING_DEMAND_PUBLISHED',
  'FINANCING_OFFER_RECEIVED',
  'ENTERPRISE_REGISTERED',
  'ENTERPRISE_CHANGED',
  'ENTERPRISE_DEREGISTERED',
  'ENTERPRISE_REVOKED',
  'HOSTING_AGREEMENT_UPDATED',
] as const;

/** A signing secret shown this once: the server keeps it only encrypted, to sign with. */
function SecretNotice({ title, secret, onDismiss }: { title: string; secret: string; onDismiss: () => void }) {
  return (
    <OneTimeSecret
      id="webhook-secret"
      title={title}
      secret={secret}
      keys={{ hint: 'webhooks.secretHint', label: 'webhooks.secretLabel', dismiss: 'webhooks.dismiss' }}
      onDismiss={onDismiss}
    />
  );
}

function EventTypeChoices({
  prefix,
  chosen,
  onChange,
  errors,
}: {
  prefix: string;
  chosen: readonly string[];
  onChange: (types: string[]) => void;
  errors?: readonly string[];
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset">
      <legend>{t('webhooks.eventTypes')}</legend>
      <p className="field__hint">{t('webhooks.eventTypesHint')}</p>
      {errors?.length ? <p className="field__errors">{errors.join(' ')}</p> : null}
      {EVENT_TYPES.map((type) => (
        <CheckboxField
          key={type}
          label={
            <>
              {t(`webhooks.types.${type}`)} <code>{type}</code>
            </>
          }
          name={`${prefix}-${type}`}
          checked={chosen.includes(type)}
          onChange={(e) => onChange(e.target.checked ? [...chosen, type] : chosen.filter((c) => c !== type))}
        />
      ))}
    </fieldset>
  );
}

function CreateEndpointForm({ onCreated }: { onCreated: (secret: string) => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [eventTypes, setEventTypes] = useState<string[]>([]);
  const [errors, setErrors] = useState<{ general: string[]; byField: Record<string, string[]> }>({
    general: [],
    byField: {},
  });
  const [{ fetching }, create] = useMutation(OrgCreateWebhookEndpointDocument);
  const submit = async () => {
    const result = await create({ input: { url, description, eventTypes } });
    const payload = result.data?.createWebhookEndpoint;
    if (result.error) return setErrors({ general: [result.error.message], byField: {} });
    if (payload?.userErrors.length) {
      return setErrors(groupUserErrors(payload.userErrors, ['url', 'description', 'eventTypes']));
    }
    setErrors({ general: [], byField: {} });
    setUrl('');
    setDescription('');
    setEventTypes([]);
    if (payload?.secret) onCreated(payload.secret);
  };
  return (
    <form
      className="form"
      aria-labelledby="create-webhook-title"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 id="create-webhook-title">{t('webhooks.create')}</h3>
      <FormErrors messages={errors.general} />
      <TextField
        label={t('webhooks.url')}
        name="url"
        type="url"
        value={url}
        required
        errors={errors.byField.url}
        onChange={(e) => setUrl(e.target.value)}
      />
      <TextField
        label={t('webhooks.description')}
        name="description"
        value={description}
        errors={errors.byField.description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <EventTypeChoices prefix="type" chosen={eventTypes} onChange={setEventTypes} errors={errors.byField.eventTypes} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={fetching}>
          {t('webhooks.submit')}
        </button>
      </div>
    </form>
  );
}

function DeliveryLog({ endpoint, onChanged }: { endpoint: OrgWebhookEndpointFieldsFragment; onChanged: () => void }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const [, redeliver] = useMutation(OrgRedeliverWebhookDocument);
  const [notice, setNotice] = useState(false);
  const deliveries = endpoint.deliveries.edges.map((edge) => edge.node);
  if (deliveries.length === 0) return <p data-testid="webhook-deliveries">{t('webhooks.noDeliveries')}</p>;
  return (
    <div className="table-wrap">
      {notice ? <Notice kind="success">{t('webhooks.redelivered')}</Notice> : null}
      <table className="table" data-testid="webhook-deliveries">
        <caption>{t('webhooks.log')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('webhooks.when')}</th>
            <th scope="col">{t('webhooks.event')}</th>
            <th scope="col">{t('webhooks.status')}</th>
            <th scope="col">{t('webhooks.attempts')}</th>
            <th scope="col">{t('webhooks.response')}</th>
            <th scope="col">{t('webhooks.duration')}</th>
            <th scope="col">{t('webhooks.nextAttempt')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('webhooks.redeliver')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((delivery) => (
            <tr key={delivery.id} data-testid="webhook-delivery">
              <td>{formatDateTime(delivery.createdAt, language)}</td>
              <td>
                <code>{delivery.eventType}</code>
                {delivery.redelivery ? ` ${t('webhooks.redeliveryMark')}` : ''}
              </td>
              <td data-testid="delivery-status">{t(`webhooks.statuses.${delivery.status}`)}</td>
              <td>{delivery.attempts}</td>
              <td>{delivery.responseStatus ?? (delivery.error ? t(`webhooks.errors.${delivery.error}`) : '—')}</td>
              <td>
                {delivery.durationMs === null || delivery.durationMs === undefined
                  ? '—'
                  : t('webhooks.ms', { ms: delivery.durationMs })}
              </td>
              <td>{delivery.nextAttemptAt ? formatDateTime(delivery.nextAttemptAt, language) : '—'}</td>
              <td>
                <button
                  type="button"
                  className="button"
                  onClick={async () => {
                    const result = await redeliver({ input: { deliveryId: delivery.id } });
                    if (result.data?.redeliverWebhook.userErrors.length === 0) setNotice(true);
                    onChanged();
                  }}
                >
                  {t('webhooks.redeliver')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EndpointCard({
  endpoint,
  onChanged,
  onRotated,
}: {
  endpoint: OrgWebhookEndpointFieldsFragment;
  onChanged: () => void;
  onRotated: (secret: string) => void;
}) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const [types, setTypes] = useState<string[]>([...endpoint.eventTypes]);
  const [typeErrors, setTypeErrors] = useState<string[]>([]);
  const [, update] = useMutation(OrgUpdateWebhookEndpointDocument);
  const [, rotate] = useMutation(OrgRotateWebhookSecretDocument);
  const [, remove] = useMutation(OrgDeleteWebhookEndpointDocument);
  return (
    <li className="card" data-testid="webhook-endpoint">
      <h3 className="card__title">
        <code>{endpoint.url}</code>{' '}
        <span className={`badge badge--${endpoint.enabled ? 'success' : 'danger'}`}>
          {endpoint.enabled ? t('webhooks.enabled') : t('webhooks.disabled')}
        </span>
      </h3>
      {endpoint.description ? <p>{endpoint.description}</p> : null}
      <dl className="facts">
        {endpoint.disabledReason ? (
          <>
            <dt>{t('webhooks.disabled')}</dt>
            <dd>{t(`webhooks.disabledBy.${endpoint.disabledReason}`)}</dd>
          </>
        ) : null}
        <dt>{t('webhooks.eventTypes')}</dt>
        <dd>
          {endpoint.eventTypes.length
            ? endpoint.eventTypes.map((type) => <code key={type}>{type} </code>)
            : t('webhooks.allTypes')}
        </dd>
        <dt>{t('webhooks.secretPrefix')}</dt>
        <dd>
          <code>{endpoint.secretPrefix}…</code>
        </dd>
        <dt>{t('webhooks.created')}</dt>
        <dd>{formatDateTime(endpoint.createdAt, language)}</dd>
        {endpoint.failingSince ? (
          <>
            <dt>{t('webhooks.failingSince')}</dt>
            <dd>{formatDateTime(endpoint.failingSince, language)}</dd>
          </>
        ) : null}
      </dl>
      <details>
        <summary>{t('webhooks.editTypes')}</summary>
        <form
          className="form"
          onSubmit={async (event) => {
            event.preventDefault();
            const result = await update({ input: { id: endpoint.id, eventTypes: types } });
            setTypeErrors(result.data?.updateWebhookEndpoint.userErrors.map((e) => e.message) ?? []);
            onChanged();
          }}
        >
          <EventTypeChoices prefix={`edit-${endpoint.id}`} chosen={types} onChange={setTypes} errors={typeErrors} />
          <button type="submit" className="button">
            {t('webhooks.saveTypes')}
          </button>
        </form>
      </details>
      <div className="form__actions">
        <button
          type="button"
          className="button"
          onClick={async () => {
            await update({ input: { id: endpoint.id, enabled: !endpoint.enabled } });
            onChanged();
          }}
        >
          {endpoint.enabled ? t('webhooks.disable') : t('webhooks.enable')}
        </button>
        <button
          type="button"
          className="button"
          onClick={async () => {
            if (!window.confirm(t('webhooks.rotateConfirm'))) return;
            const result = await rotate({ input: { id: endpoint.id } });
            const secret = result.data?.rotateWebhookSecret.secret;
            if (secret) onRotated(secret);
            onChanged();
          }}
        >
          {t('webhooks.rotate')}
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={async () => {
            if (!window.confirm(t('webhooks.removeConfirm'))) return;
            await remove({ input: { id: endpoint.id } });
            onChanged();
          }}
        >
          {t('webhooks.remove')}
        </button>
      </div>
      <DeliveryLog endpoint={endpoint} onChanged={onChanged} />
    </li>
  );
}

function OrganisationWebhooks() {
  const { t } = useTranslation();
  const { user } = useViewer();
  const [secret, setSecret] = useState<{ title: string; value: string } | null>(null);
  const admin = Boolean(user?.organisationAdmin && user.organisation);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: OrgWebhookEndpointsDocument,
    requestPolicy: 'cache-and-network',
    pause: !admin,
  });
  if (!admin) {
    return (
      <Page title={t('webhooks.title')}>
        <Notice>{t('webhooks.notAdmin')}</Notice>
      </Page>
    );
  }
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const endpoints = data?.webhookEndpoints.edges.map((edge) => edge.node) ?? [];
  return (
    <Page title={t('webhooks.title')} intro={`${user!.organisation!.name} · ${t('webhooks.intro')}`} wide>
      <section className="section" aria-labelledby="webhooks-title">
        <h2 id="webhooks-title">{t('webhooks.create')}</h2>
        {secret ? (
          <SecretNotice title={secret.title} secret={secret.value} onDismiss={() => setSecret(null)} />
        ) : (
          <CreateEndpointForm
            onCreated={(value) => {
              setSecret({ title: t('webhooks.secretTitle'), value });
              reload();
            }}
          />
        )}
        {fetching && !data ? <Loading /> : null}
        {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
        {data && endpoints.length === 0 ? <EmptyState>{t('webhooks.empty')}</EmptyState> : null}
        {endpoints.length ? (
          <ul className="cards webhook-endpoints" data-testid="webhook-endpoints">
            {endpoints.map((endpoint) => (
              <EndpointCard
                key={endpoint.id}
                endpoint={endpoint}
                onChanged={reload}
                onRotated={(value) => setSecret({ title: t('webhooks.rotatedTitle'), value })}
              />
            ))}
          </ul>
        ) : null}
      </section>
    </Page>
  );
}

export default function OrganisationWebhooksPage() {
  return (
    <RequireRole roles={['BANK_OFFICER', 'HOST_AGENT']}>
      <OrganisationWebhooks />
    </RequireRole>
  );
}
