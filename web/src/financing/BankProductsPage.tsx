import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { groupUserErrors, type GroupedUserErrors } from '../api/errors';
import { EmptyState, ErrorNotice, FormErrors, Loading, Notice } from '../components/Feedback';
import { CheckboxField, TextAreaField, TextField } from '../components/Field';
import { Page } from '../components/Page';
import {
  CreditProductsDocument,
  PublishCreditProductDocument,
  RetireCreditProductDocument,
  type CreditProductAudience,
  type GuaranteeType,
} from '../gql/graphql';
import { financingOptions } from './format';
import {
  checkProductForm,
  emptyProductForm,
  PRODUCT_FIELDS,
  toggle,
  toProductInput,
  type FormProblems,
  type ProductForm,
} from './forms';
import { CheckboxGroup, NO_SERVER_ERRORS, payloadOf, useFieldErrors } from './parts';
import { ProductCard } from './ProductsPage';
import { useMyBank } from './useMyBank';

export function ProductFormView({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<ProductForm>(emptyProductForm());
  const [problems, setProblems] = useState<FormProblems>({});
  const [server, setServer] = useState<GroupedUserErrors>(NO_SERVER_ERRORS);
  const [{ fetching, error }, publish] = useMutation(PublishCreditProductDocument);
  const errorsAt = useFieldErrors(problems, server);
  const update = (patch: Partial<ProductForm>) => setForm({ ...form, ...patch });
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkProductForm(form);
    setProblems(found);
    setServer(NO_SERVER_ERRORS);
    if (Object.keys(found).length) return;
    const result = await publish({ input: toProductInput(form) });
    const payload = result.data?.publishCreditProduct;
    if (!payload) return;
    if (payload.userErrors.length || !payload.product) {
      setServer(groupUserErrors(payload.userErrors, PRODUCT_FIELDS));
      return;
    }
    setForm(emptyProductForm());
    onDone();
  };
  const text = (key: keyof ProductForm & string, inputMode?: 'decimal' | 'numeric') => (
    <TextField
      label={t(`financing.products.${key}`)}
      name={key}
      inputMode={inputMode}
      required
      value={form[key] as string}
      errors={errorsAt(key)}
      onChange={(event) => update({ [key]: event.target.value })}
    />
  );
  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="product-form">
      <FormErrors messages={server.general} />
      {error ? <ErrorNotice error={error} /> : null}
      {text('name')}
      <TextAreaField
        label={t('financing.products.description')}
        name="description"
        required
        rows={3}
        value={form.description}
        errors={errorsAt('description')}
        onChange={(event) => update({ description: event.target.value })}
      />
      <div className="form__row">
        {text('minAmount', 'decimal')}
        {text('maxAmount', 'decimal')}
      </div>
      <div className="form__row">
        {text('minTermMonths', 'numeric')}
        {text('maxTermMonths', 'numeric')}
      </div>
      <div className="form__row">
        {text('minAnnualRate', 'decimal')}
        {text('maxAnnualRate', 'decimal')}
      </div>
      <CheckboxGroup
        legend={t('financing.products.guaranteeTypes')}
        name="guaranteeTypes"
        options={financingOptions(t, 'GuaranteeType')}
        values={form.guaranteeTypes}
        errors={errorsAt('guaranteeTypes')}
        onChange={(value, on) => update({ guaranteeTypes: toggle(form.guaranteeTypes, value as GuaranteeType, on) })}
      />
      <CheckboxGroup
        legend={t('financing.products.audiences')}
        name="audience"
        options={financingOptions(t, 'CreditProductAudience')}
        values={form.audience}
        errors={errorsAt('audience')}
        onChange={(value, on) => update({ audience: toggle(form.audience, value as CreditProductAudience, on) })}
      />
      <CheckboxField
        label={t('financing.products.onlineApplication')}
        name="onlineApplication"
        checked={form.onlineApplication}
        onChange={(event) => update({ onlineApplication: event.target.checked })}
      />
      {form.onlineApplication ? (
        <TextField
          label={t('financing.products.applicationUrl')}
          name="applicationUrl"
          type="url"
          value={form.applicationUrl}
          errors={errorsAt('applicationUrl')}
          onChange={(event) => update({ applicationUrl: event.target.value })}
        />
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={fetching}>
          {t('financing.products.publish')}
        </button>
      </div>
    </form>
  );
}

/** The bank's active credit products: publish a new one, retire one. */
export function BankProductsPage() {
  const { t } = useTranslation();
  const { bank, loading } = useMyBank();
  const [done, setDone] = useState('');
  const [messages, setMessages] = useState<string[]>([]);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: CreditProductsDocument,
    variables: { filter: { bankIds: bank ? [bank.id] : [] }, first: 100 },
    pause: !bank,
    requestPolicy: 'cache-and-network',
  });
  const [, retire] = useMutation(RetireCreditProductDocument);
  const products = data?.creditProducts.edges.map((edge) => edge.node) ?? [];
  const onRetire = async (id: string) => {
    const result = await retire({ input: { id } });
    const payload = payloadOf(result.data);
    if (payload?.userErrors.length) {
      setMessages(groupUserErrors(payload.userErrors, []).general);
      return;
    }
    setMessages([]);
    setDone(t('financing.products.retired'));
    refetch({ requestPolicy: 'network-only' });
  };
  return (
    <Page title={t('financing.products.mineTitle')} intro={t('financing.products.mineIntro')}>
      <p>
        <Link to="/financing/workbench">{t('financing.bank.back')}</Link>
      </p>
      {loading ? <Loading /> : null}
      {!loading && !bank ? <Notice kind="warning">{t('financing.products.noBank')}</Notice> : null}
      {done ? <Notice kind="success">{done}</Notice> : null}
      <FormErrors messages={messages} />
      {error ? <ErrorNotice error={error} /> : null}
      {bank ? (
        <>
          {fetching && !data ? <Loading /> : null}
          {data && products.length === 0 ? <EmptyState>{t('financing.products.empty')}</EmptyState> : null}
          <ul className="cards cards--grid">
            {products.map((product) => (
              <ProductCard
                key={product.id}
                product={product}
                actions={
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={t('financing.products.retireLabel', { name: product.name })}
                    onClick={() => void onRetire(product.id)}
                  >
                    {t('financing.products.retire')}
                  </button>
                }
              />
            ))}
          </ul>
          <section className="section" aria-labelledby="publish-title">
            <h2 id="publish-title">{t('financing.products.publishTitle')}</h2>
            <ProductFormView
              onDone={() => {
                setDone(t('financing.products.published'));
                refetch({ requestPolicy: 'network-only' });
              }}
            />
          </section>
        </>
      ) : null}
    </Page>
  );
}
