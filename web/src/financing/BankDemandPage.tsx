import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { groupUserErrors, type GroupedUserErrors } from '../api/errors';
import { ErrorNotice, FormErrors, Loading, Notice } from '../components/Feedback';
import { SelectField, TextAreaField, TextField } from '../components/Field';
import { Page } from '../components/Page';
import {
  CreditProductsDocument,
  FinancingDemandDocument,
  MakeFinancingOfferDocument,
  RecordDisbursementDocument,
  WithdrawFinancingOfferDocument,
  type FinancingDemandFieldsFragment,
  type FinancingOfferFieldsFragment,
} from '../gql/graphql';
import { formatDate, formatDateTime, todayInQingdao } from '../i18n/format';
import { usePreferences } from '../preferences/PreferencesProvider';
import { ContactBlock, DemandFacts } from './DemandFacts';
import { formatExactAmount, formatLoanAmount, formatRate } from './format';
import { checkOfferForm, OFFER_FIELDS, toOfferInput, type FormProblems, type OfferForm } from './forms';
import { FinancingStatus, newIdempotencyKey, NO_SERVER_ERRORS, payloadOf, useFieldErrors } from './parts';
import { useMyBank } from './useMyBank';

/** The offer form; the officer may base it on one of the bank's products. */
export function OfferFormView({
  demand,
  bankId,
  onDone,
}: {
  demand: FinancingDemandFieldsFragment;
  bankId: string | null;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<OfferForm>({
    amount: demand.amount.amount.replace(/\.00$/, ''),
    annualRate: '',
    termMonths: String(demand.termMonths),
    productId: '',
    note: '',
  });
  const [problems, setProblems] = useState<FormProblems>({});
  const [server, setServer] = useState<GroupedUserErrors>(NO_SERVER_ERRORS);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [{ data: products }] = useQuery({
    query: CreditProductsDocument,
    variables: { filter: { bankIds: bankId ? [bankId] : [] }, first: 100 },
    pause: !bankId,
  });
  const [{ fetching, error }, make] = useMutation(MakeFinancingOfferDocument);
  const errorsAt = useFieldErrors(problems, server);
  const update = (patch: Partial<OfferForm>) => setForm({ ...form, ...patch });
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkOfferForm(form);
    setProblems(found);
    setServer(NO_SERVER_ERRORS);
    if (Object.keys(found).length) return;
    const result = await make({ input: toOfferInput(demand.id, form, idempotencyKey) });
    const payload = result.data?.makeFinancingOffer;
    if (!payload) return;
    if (payload.userErrors.length || !payload.offer) {
      setServer(
        groupUserErrors(
          payload.userErrors,
          OFFER_FIELDS.filter((f) => f !== 'demandId'),
        ),
      );
      return;
    }
    onDone();
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="offer-form">
      <FormErrors messages={server.general} />
      {error ? <ErrorNotice error={error} /> : null}
      <SelectField
        label={t('financing.fields.product')}
        name="productId"
        value={form.productId}
        placeholder={t('financing.fields.noProduct')}
        options={
          products?.creditProducts.edges.map((edge) => ({
            value: edge.node.id,
            label: `${edge.node.name} (${edge.node.minAnnualRate}%–${edge.node.maxAnnualRate}%)`,
          })) ?? []
        }
        errors={errorsAt('productId')}
        onChange={(event) => {
          const product = products?.creditProducts.edges.find((edge) => edge.node.id === event.target.value)?.node;
          update({ productId: event.target.value, annualRate: form.annualRate || (product?.minAnnualRate ?? '') });
        }}
      />
      <div className="form__row">
        <TextField
          label={t('financing.fields.amount')}
          name="amount"
          inputMode="decimal"
          required
          value={form.amount}
          errors={errorsAt('amount')}
          onChange={(event) => update({ amount: event.target.value })}
        />
        <TextField
          label={t('financing.fields.annualRate')}
          name="annualRate"
          inputMode="decimal"
          required
          value={form.annualRate}
          errors={errorsAt('annualRate')}
          onChange={(event) => update({ annualRate: event.target.value })}
        />
        <TextField
          label={t('financing.fields.termMonths')}
          name="termMonths"
          inputMode="numeric"
          required
          value={form.termMonths}
          errors={errorsAt('termMonths')}
          onChange={(event) => update({ termMonths: event.target.value })}
        />
      </div>
      <TextAreaField
        label={t('financing.fields.note')}
        name="note"
        rows={2}
        value={form.note}
        errors={errorsAt('note')}
        onChange={(event) => update({ note: event.target.value })}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={fetching}>
          {t('financing.bank.makeOffer')}
        </button>
      </div>
    </form>
  );
}

function DisbursementForm({ offer, onDone }: { offer: FinancingOfferFieldsFragment; onDone(): void }) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState(offer.amount.amount.replace(/\.00$/, ''));
  const [day, setDay] = useState(todayInQingdao());
  const [problems, setProblems] = useState<FormProblems>({});
  const [server, setServer] = useState<GroupedUserErrors>(NO_SERVER_ERRORS);
  const [{ fetching, error }, record] = useMutation(RecordDisbursementDocument);
  const errorsAt = useFieldErrors(problems, server);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FormProblems = {};
    if (!/^\d{1,13}(\.\d{1,2})?$/.test(amount.trim()) || Number(amount) <= 0) found.amount = 'amount';
    if (!day) found.disbursedOn = 'required';
    setProblems(found);
    if (Object.keys(found).length) return;
    const result = await record({
      input: { offerId: offer.id, amount: { amount: amount.trim(), currency: 'CNY' }, disbursedOn: day },
    });
    const payload = result.data?.recordDisbursement;
    if (!payload) return;
    if (payload.userErrors.length) {
      setServer(groupUserErrors(payload.userErrors, ['amount', 'disbursedOn']));
      return;
    }
    onDone();
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="disbursement-form">
      <h3>{t('financing.bank.recordDisbursement')}</h3>
      <FormErrors messages={server.general} />
      {error ? <ErrorNotice error={error} /> : null}
      <div className="form__row">
        <TextField
          label={t('financing.fields.disbursedAmount')}
          name="disbursedAmount"
          inputMode="decimal"
          required
          value={amount}
          errors={errorsAt('amount')}
          onChange={(event) => setAmount(event.target.value)}
        />
        <TextField
          label={t('financing.fields.disbursedOn')}
          name="disbursedOn"
          type="date"
          required
          value={day}
          errors={errorsAt('disbursedOn')}
          onChange={(event) => setDay(event.target.value)}
        />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={fetching}>
          {t('financing.bank.recordDisbursement')}
        </button>
      </div>
    </form>
  );
}

/**
 * A demand as a bank sees it: the enterprise's public facts, the bank's own offer (make, withdraw,
 * record the disbursement), and the contact person only when the API returns it.
 */
export function BankDemandPage() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const { id = '' } = useParams();
  const { bank } = useMyBank();
  const [done, setDone] = useState('');
  const [messages, setMessages] = useState<string[]>([]);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: FinancingDemandDocument,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  const [{ fetching: withdrawing }, withdraw] = useMutation(WithdrawFinancingOfferDocument);
  const demand = data?.financingDemand;
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} />;
  if (!demand) return <Page title={t('common.notFoundTitle')} intro={t('errors.NOT_FOUND')} />;

  const offers = demand.offers.edges.map((edge) => edge.node);
  const current = offers.find((o) => ['PENDING', 'ACCEPTED', 'DISBURSED'].includes(o.status));
  const reload = (message: string) => {
    setDone(message);
    setMessages([]);
    refetch({ requestPolicy: 'network-only' });
  };
  const onWithdraw = async (offerId: string) => {
    const result = await withdraw({ input: { id: offerId } });
    const payload = payloadOf(result.data);
    if (payload?.userErrors.length) setMessages(groupUserErrors(payload.userErrors, []).general);
    else reload(t('financing.bank.offerWithdrawn'));
  };

  return (
    <Page title={t('financing.demand.title', { number: demand.number })} wide>
      <p>
        <Link to="/financing/workbench">{t('financing.bank.back')}</Link>
      </p>
      <p className="status-line">
        <FinancingStatus enumName="FinancingDemandStatus" value={demand.status} />
      </p>
      {done ? <Notice kind="success">{done}</Notice> : null}
      <FormErrors messages={messages} />
      <div className="workbench">
        <section className="section workbench__main" aria-labelledby="facts-title">
          <h2 id="facts-title">{t('financing.bank.publicFacts')}</h2>
          <DemandFacts demand={demand} />
          <ContactBlock demand={demand} />
        </section>
        <section className="section workbench__side" aria-labelledby="own-offer-title" data-testid="own-offer">
          <h2 id="own-offer-title">{t('financing.bank.yourOffer')}</h2>
          {offers.map((offer) => (
            <div key={offer.id} className="card" data-testid="bank-offer">
              <p>
                <FinancingStatus enumName="FinancingOfferStatus" value={offer.status} />
              </p>
              <dl className="facts">
                <dt>{t('financing.offers.amount')}</dt>
                <dd>{formatLoanAmount(offer.amount, language)}</dd>
                <dt>{t('financing.offers.rate')}</dt>
                <dd>{formatRate(offer.annualRate, language)}</dd>
                <dt>{t('financing.offers.term')}</dt>
                <dd>{t('financing.units.months', { count: offer.termMonths })}</dd>
                <dt>{t('financing.offers.product')}</dt>
                <dd>{offer.product?.name ?? '—'}</dd>
                <dt>{t('financing.offers.createdAt')}</dt>
                <dd>{formatDateTime(offer.createdAt, language)}</dd>
                {offer.disbursedAmount && offer.disbursedOn ? (
                  <>
                    <dt>{t('financing.demand.disbursement')}</dt>
                    <dd data-testid="disbursement">
                      {t('financing.offers.disbursed', {
                        amount: formatExactAmount(offer.disbursedAmount, language),
                        date: formatDate(offer.disbursedOn, language),
                      })}
                    </dd>
                  </>
                ) : null}
              </dl>
              {offer.status === 'PENDING' ? (
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={withdrawing}
                  onClick={() => void onWithdraw(offer.id)}
                >
                  {t('financing.bank.withdrawOffer')}
                </button>
              ) : null}
              {offer.status === 'ACCEPTED' ? (
                <DisbursementForm offer={offer} onDone={() => reload(t('financing.bank.disbursementRecorded'))} />
              ) : null}
            </div>
          ))}
          {!current && demand.status === 'OPEN' ? (
            <>
              {offers.length === 0 ? <p>{t('financing.bank.noOffer')}</p> : null}
              <OfferFormView
                demand={demand}
                bankId={bank?.id ?? null}
                onDone={() => reload(t('financing.bank.offerMade'))}
              />
            </>
          ) : null}
          {!current && demand.status !== 'OPEN' ? <p>{t('financing.bank.notOpen')}</p> : null}
        </section>
      </div>
    </Page>
  );
}
