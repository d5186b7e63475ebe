import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A secret the server shows once (an API key, a webhook signing secret): selectable, with a copy
 * button, until the user dismisses it. `keys` names the caller's messages (hint, label, dismiss).
 */
export function OneTimeSecret({
  id,
  title,
  secret,
  keys,
  onDismiss,
}: {
  /** The input's id and the notice's test id. */
  id: string;
  title: string;
  secret: string;
  keys: { hint: string; label: string; dismiss: string };
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div className="notice notice--warning" role="status" data-testid={id}>
      <h3>{title}</h3>
      <p>{t(keys.hint)}</p>
      <p>
        <label htmlFor={`${id}-value`}>{t(keys.label)}</label>
        <input id={`${id}-value`} className="input secret" readOnly value={secret} onFocus={(e) => e.target.select()} />
      </p>
      <div className="form__actions">
        <button
          type="button"
          className="button"
          onClick={async () => {
            await navigator.clipboard?.writeText(secret).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? t('admin.keys.copied') : t('admin.keys.copy')}
        </button>
        <button type="button" className="button button--primary" onClick={onDismiss}>
          {t(keys.dismiss)}
        </button>
      </div>
    </div>
  );
}
