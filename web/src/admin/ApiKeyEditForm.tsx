import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { groupUserErrors } from '../api/errors';
import { FormErrors } from '../components/Feedback';
import { TextField } from '../components/Field';
import { AdminUpdateApiKeyDocument } from '../gql/graphql';

// Inline rename and expiry change of one key (updateApiKey), opened from its card. The expiry is a day
// in Asia/Shanghai, ending at 23:59:59 as on creation; empty means no expiry. An expiry left as it was
// is not sent, so a key's exact expiry time is kept when only its name changes.

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** The Asia/Shanghai calendar day of an instant, as the date input shows it. */
function shanghaiDay(iso: string): string {
  return new Date(new Date(iso).getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export function ApiKeyEditForm({
  apiKey,
  onDone,
}: {
  apiKey: { id: string; name: string; expiresAt?: string | null };
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const initialDay = apiKey.expiresAt ? shanghaiDay(apiKey.expiresAt) : '';
  const [name, setName] = useState(apiKey.name);
  const [expiresOn, setExpiresOn] = useState(initialDay);
  const [errors, setErrors] = useState<{ general: string[]; byField: Record<string, string[]> }>({
    general: [],
    byField: {},
  });
  const [{ fetching }, update] = useMutation(AdminUpdateApiKeyDocument);
  const save = async () => {
    const expiryChanged = expiresOn !== initialDay;
    const expiresAt = expiresOn ? new Date(`${expiresOn}T23:59:59+08:00`).toISOString() : null;
    const result = await update({
      input: { id: apiKey.id, name, ...(expiryChanged ? { expiresAt } : {}) },
    });
    const payload = result.data?.updateApiKey;
    if (result.error) return setErrors({ general: [result.error.message], byField: {} });
    if (payload?.userErrors.length) return setErrors(groupUserErrors(payload.userErrors, ['name', 'expiresAt']));
    onDone(true);
  };
  const titleId = `edit-key-${apiKey.id}`;
  return (
    <form
      className="form"
      aria-labelledby={titleId}
      data-testid="api-key-edit"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h4 id={titleId}>{t('admin.keys.editTitle', { name: apiKey.name })}</h4>
      <FormErrors messages={errors.general} />
      <TextField
        label={t('admin.keys.name')}
        name="edit-name"
        value={name}
        required
        errors={errors.byField.name}
        onChange={(e) => setName(e.target.value)}
      />
      <TextField
        label={t('admin.keys.editExpiresAt')}
        name="edit-expiresOn"
        type="date"
        value={expiresOn}
        errors={errors.byField.expiresAt}
        onChange={(e) => setExpiresOn(e.target.value)}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={fetching}>
          {t('admin.keys.save')}
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>
          {t('admin.keys.cancel')}
        </button>
      </div>
    </form>
  );
}
