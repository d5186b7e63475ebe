import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { AcknowledgeForwardingDocument, type HostingAgreementCardFragment } from '../gql/graphql';
import { formatDate } from '../i18n/format';
import { usePreferences } from '../preferences/PreferencesProvider';

const BADGE: Record<string, string> = {
  REQUESTED: 'badge--info',
  ACTIVE: 'badge--success',
  REFUSED: 'badge--danger',
  TERMINATED: 'badge--warning',
};

/** One hosting agreement with its forwarded documents; the enterprise side may acknowledge them. */
export function AgreementCard({
  agreement,
  canAcknowledge,
  children,
}: {
  agreement: HostingAgreementCardFragment;
  canAcknowledge: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const [ack, acknowledge] = useMutation(AcknowledgeForwardingDocument);
  const items = agreement.forwardings.edges.map((e) => e.node);
  return (
    <li className="card" data-testid="agreement" data-status={agreement.status}>
      <h3 className="card__title">
        {agreement.enterpriseName}{' '}
        <span className={`badge ${BADGE[agreement.status] ?? ''}`} data-testid="agreement-status">
          {t(`hosting.status${agreement.status}`)}
        </span>
      </h3>
      <p>{agreement.address.address}</p>
      {agreement.refusalReason ? (
        <p>
          {t('hosting.refusalReason')}: {agreement.refusalReason}
        </p>
      ) : null}
      {agreement.terminationReason ? (
        <p>
          {t('hosting.terminationReason')}: {agreement.terminationReason}
        </p>
      ) : null}
      {children}
      {agreement.status === 'ACTIVE' || items.length ? (
        <>
          <h4>{t('hosting.forwarded')}</h4>
          {items.length === 0 ? <p>{t('hosting.noForwarded')}</p> : null}
          <ul className="plain-list">
            {items.map((item) => (
              <li key={item.id} data-testid="forwarding">
                {item.sender} · {t('hosting.forwardedOn')} {formatDate(item.forwardedOn, language)}
                {item.trackingNumber ? ` · ${t('hosting.tracking')} ${item.trackingNumber}` : ''}{' '}
                {item.acknowledgedAt ? (
                  <span className="badge badge--success">{t('hosting.acknowledged')}</span>
                ) : item.overdue ? (
                  <span className="badge badge--danger">{t('hosting.overdue')}</span>
                ) : (
                  <span className="badge badge--info">
                    {t('hosting.ackBy', { date: formatDate(item.acknowledgeBy, language) })}
                  </span>
                )}
                {canAcknowledge && !item.acknowledgedAt ? (
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={ack.fetching}
                    onClick={() => void acknowledge({ input: { id: item.id } })}
                  >
                    {t('hosting.acknowledge')}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </li>
  );
}
