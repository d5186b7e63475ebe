import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { groupUserErrors } from '../api/errors';
import { EmptyState, ErrorNotice, FormErrors, Loading, Notice } from '../components/Feedback';
import { Page } from '../components/Page';
import {
  AcceptFinancingOfferDocument,
  DeclineFinancingOfferDocument,
  FinancingDemandDocument,
  FinancingOfferReceivedDocument,
  WithdrawFinancingDemandDocument,
  type FinancingOfferFieldsFragment,
  type FinancingOfferReceivedSubscription,
} from '../gql/graphql';
import { formatDate, formatDateTime } from '../i18n/format';
import { usePreferences } from '../preferences/PreferencesProvider';
import { ContactBlock, DemandFacts } from './DemandFacts';
import { formatExactAmount, formatLoanAmount, formatRate } from './format';
import { FinancingStatus, payloadOf } from './parts';

type Offer = FinancingOfferFieldsFragment;

/**
 * One of the applicant's demands: its facts, the offers side by side as they arrive
 * (`financingOfferReceived`), accepting one after a confirmation that says what follows,
 * declining, withdrawing the demand, and the disbursement once the bank records it.
 */
export function DemandPage() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const { id = '' } = useParams();
  const location = useLocation();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: FinancingDemandDocument,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  const [announcement, setAnnouncement] = useState('');
  const [messages, setMessages] = useState<string[]>([]);
  const [done, setDone] = useState('');
  const [confirming, setConfirming] = useState<Offer | 'withdraw' | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const [{ fetching: accepting }, accept] = useMutation(AcceptFinancingOfferDocument);
  const [{ fetching: declining }, decline] = useMutation(DeclineFinancingOfferDocument);
  const [{ fetching: withdrawing }, withdraw] = useMutation(WithdrawFinancingDemandDocument);

  const onOffer = useCallback(
    (previous: Offer[] | undefined, event: FinancingOfferReceivedSubscription) => {
      const offer = event.financingOfferReceived;
      setAnnouncement(t('financing.offers.arrived', { bank: offer.bank.name }));
      return [...(previous ?? []).filter((o) => o.id !== offer.id), offer];
    },
    [t],
  );
  const [{ data: arrived }] = useSubscription(
    { query: FinancingOfferReceivedDocument, variables: { demandId: id }, pause: !data?.financingDemand },
    onOffer,
  );
  useEffect(() => {
    if (arrived?.length) refetch({ requestPolicy: 'network-only' });
  }, [arrived, refetch]);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const demand = data?.financingDemand;
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} />;
  if (!demand) return <Page title={t('common.notFoundTitle')} intro={t('errors.NOT_FOUND')} />;

  const loaded = demand.offers.edges.map((edge) => edge.node);
  const offers = [...loaded, ...(arrived ?? []).filter((o) => !loaded.some((l) => l.id === o.id))];
  const pending = offers.filter((o) => o.status === 'PENDING');
  const disbursed = offers.find((o) => o.disbursedAmount);
  const lowestRate = pending.length > 1 ? Math.min(...pending.map((o) => Number(o.annualRate))) : null;
  const open = demand.status === 'OPEN';

  const run = async (promise: Promise<{ data?: object | null }>, success: string) => {
    setMessages([]);
    setDone('');
    const result = await promise;
    const payload = payloadOf(result.data);
    if (!payload) return;
    if (payload.userErrors.length) {
      setMessages(groupUserErrors(payload.userErrors, []).general);
      return;
    }
    setConfirming(null);
    setDone(success);
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <Page title={t('financing.demand.title', { number: demand.number })} wide>
      <p>
        <Link to="/financing/demands">{t('financing.demands.back')}</Link>
      </p>
      <p className="status-line">
        <FinancingStatus enumName="FinancingDemandStatus" value={demand.status} />
      </p>
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcement">
        {announcement}
      </div>
      {(location.state as { published?: boolean } | null)?.published ? (
        <Notice kind="success">{t('financing.demands.published')}</Notice>
      ) : null}
      {done ? <Notice kind="success">{done}</Notice> : null}
      <FormErrors messages={messages} />
      {disbursed?.disbursedAmount && disbursed.disbursedOn ? (
        <Notice kind="success">
          <span data-testid="disbursement">
            {disbursed.bank.name}:{' '}
            {t('financing.offers.disbursed', {
              amount: formatExactAmount(disbursed.disbursedAmount, language),
              date: formatDate(disbursed.disbursedOn, language),
            })}
          </span>
        </Notice>
      ) : null}

      <section className="section" aria-labelledby="offers-title">
        <h2 id="offers-title">
          {t('financing.offers.compare')} <span className="badge badge--neutral">{offers.length}</span>
        </h2>
        {offers.length === 0 ? <EmptyState>{t('financing.offers.empty')}</EmptyState> : null}
        {offers.length ? (
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="offers-title">
            <table data-testid="offers">
              <caption className="visually-hidden">{t('financing.offers.compare')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('financing.offers.bank')}</th>
                  <th scope="col">{t('financing.offers.amount')}</th>
                  <th scope="col">{t('financing.offers.rate')}</th>
                  <th scope="col">{t('financing.offers.term')}</th>
                  <th scope="col">{t('financing.offers.product')}</th>
                  <th scope="col">{t('financing.offers.status')}</th>
                  <th scope="col">{t('financing.offers.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {offers.map((offer) => (
                  <tr key={offer.id} data-testid="offer-row" data-offer={offer.id}>
                    <th scope="row">
                      {offer.bank.name}
                      {offer.note ? <div className="field__hint">{offer.note}</div> : null}
                    </th>
                    <td>{formatLoanAmount(offer.amount, language)}</td>
                    <td>
                      {formatRate(offer.annualRate, language)}
                      {offer.status === 'PENDING' && Number(offer.annualRate) === lowestRate ? (
                        <>
                          {' '}
                          <span className="badge badge--success">{t('financing.offers.lowestRate')}</span>
                        </>
                      ) : null}
                    </td>
                    <td>{t('financing.units.months', { count: offer.termMonths })}</td>
                    <td>{offer.product?.name ?? '—'}</td>
                    <td>
                      <FinancingStatus enumName="FinancingOfferStatus" value={offer.status} />
                    </td>
                    <td>
                      {open && offer.status === 'PENDING' ? (
                        <div className="toolbar">
                          <button
                            type="button"
                            className="button button--primary button--small"
                            aria-label={`${t('financing.offers.accept')} ${offer.bank.name}`}
                            onClick={() => setConfirming(offer)}
                          >
                            {t('financing.offers.accept')}
                          </button>
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            aria-label={`${t('financing.offers.decline')} ${offer.bank.name}`}
                            disabled={declining}
                            onClick={() =>
                              void run(decline({ input: { id: offer.id } }), t('financing.offers.declined'))
                            }
                          >
                            {t('financing.offers.decline')}
                          </button>
                        </div>
                      ) : (
                        <span className="field__hint">{formatDateTime(offer.createdAt, language)}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      {confirming && confirming !== 'withdraw' ? (
        <div
          ref={confirmRef}
          tabIndex={-1}
          className="notice notice--warning confirm"
          role="alertdialog"
          aria-labelledby="accept-title"
          aria-describedby="accept-text"
          data-testid="accept-confirmation"
        >
          <h2 id="accept-title">{t('financing.offers.acceptTitle', { bank: confirming.bank.name })}</h2>
          <p id="accept-text">
            {pending.length > 1
              ? t('financing.offers.acceptConfirm', { bank: confirming.bank.name, count: pending.length - 1 })
              : t('financing.offers.acceptConfirmNoOthers', { bank: confirming.bank.name })}
          </p>
          <div className="toolbar">
            <button
              type="button"
              className="button button--primary"
              disabled={accepting}
              onClick={() =>
                void run(
                  accept({ input: { id: confirming.id } }),
                  t('financing.offers.accepted', { bank: confirming.bank.name }),
                )
              }
            >
              {t('financing.offers.confirmAccept')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}

      <section className="section" aria-labelledby="demand-title">
        <h2 id="demand-title">{t('financing.bank.publicFacts')}</h2>
        <DemandFacts demand={demand} />
      </section>
      <ContactBlock demand={demand} />

      {open ? (
        <section className="section">
          {confirming === 'withdraw' ? (
            <div
              ref={confirmRef}
              tabIndex={-1}
              className="notice notice--warning"
              role="alertdialog"
              aria-labelledby="withdraw-text"
            >
              <p id="withdraw-text">{t('financing.demands.withdrawConfirm')}</p>
              <div className="toolbar">
                <button
                  type="button"
                  className="button button--danger"
                  disabled={withdrawing}
                  onClick={() => void run(withdraw({ input: { id: demand.id } }), t('financing.demands.withdrawn'))}
                >
                  {t('financing.demands.confirmWithdraw')}
                </button>
                <button type="button" className="button button--secondary" onClick={() => setConfirming(null)}>
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="button button--secondary" onClick={() => setConfirming('withdraw')}>
              {t('financing.demands.withdraw')}
            </button>
          )}
        </section>
      ) : null}
    </Page>
  );
}
