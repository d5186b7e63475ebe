import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { EmptyState, ErrorNotice, Loading } from '../components/Feedback';
import { SelectField, TextField } from '../components/Field';
import { Page } from '../components/Page';
import {
  CreditProductsDocument,
  FinancingBanksDocument,
  type CreditProductFieldsFragment,
  type CreditProductFilter,
  type GuaranteeType,
} from '../gql/graphql';
import { usePreferences } from '../preferences/PreferencesProvider';
import { financingLabel, financingOptions, formatLoanAmount } from './format';

export function ProductCard({ product, actions }: { product: CreditProductFieldsFragment; actions?: ReactNode }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  return (
    <li className="card" data-testid="product">
      <h3 className="card__title">{product.name}</h3>
      <p className="field__hint">{product.bank.name}</p>
      <p>{product.description}</p>
      <dl className="facts">
        <dt>{t('financing.products.amountRange')}</dt>
        <dd>
          {t('financing.units.range', {
            min: formatLoanAmount(product.minAmount, language),
            max: formatLoanAmount(product.maxAmount, language),
          })}
        </dd>
        <dt>{t('financing.products.termRange')}</dt>
        <dd>{t('financing.units.monthsRange', { min: product.minTermMonths, max: product.maxTermMonths })}</dd>
        <dt>{t('financing.products.rateRange')}</dt>
        <dd>{t('financing.units.rateRange', { min: product.minAnnualRate, max: product.maxAnnualRate })}</dd>
        <dt>{t('financing.products.guaranteeType')}</dt>
        <dd>{product.guaranteeTypes.map((g) => financingLabel(t, 'GuaranteeType', g)).join('、')}</dd>
        <dt>{t('financing.products.audience')}</dt>
        <dd>{product.audience.map((a) => financingLabel(t, 'CreditProductAudience', a)).join('、')}</dd>
      </dl>
      {product.onlineApplication && product.applicationUrl ? (
        <p>
          <a href={product.applicationUrl} rel="noopener noreferrer" target="_blank">
            {t('financing.products.applyOnline', { bank: product.bank.name })}
          </a>
        </p>
      ) : null}
      {actions}
    </li>
  );
}

interface ProductFilterForm {
  bankId: string;
  guaranteeType: string;
  amount: string;
  termMonths: string;
}

const PAGE = 20;

type ProductPage = {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: readonly { node: CreditProductFieldsFragment }[];
};

/** One page of products; the last page loaded offers the next (keyset cursor). */
function ProductsChunk({
  page,
  last,
  onMore,
}: {
  page: ProductPage | undefined;
  last: boolean;
  onMore(cursor: string): void;
}) {
  const { t } = useTranslation();
  if (!page) return null;
  return (
    <>
      <ul className="cards cards--grid">
        {page.edges.map((edge) => (
          <ProductCard key={edge.node.id} product={edge.node} />
        ))}
      </ul>
      {last && page.pageInfo.hasNextPage && page.pageInfo.endCursor ? (
        <p>
          <button type="button" className="button button--secondary" onClick={() => onMore(page.pageInfo.endCursor!)}>
            {t('financing.workbench.loadMore')}
          </button>
        </p>
      ) : null}
    </>
  );
}

function LaterProducts({
  filter,
  after,
  last,
  onMore,
}: {
  filter: CreditProductFilter;
  after: string;
  last: boolean;
  onMore(cursor: string): void;
}) {
  const [{ data, fetching }] = useQuery({ query: CreditProductsDocument, variables: { filter, first: PAGE, after } });
  if (fetching && !data) return <Loading />;
  return <ProductsChunk page={data?.creditProducts} last={last} onMore={onMore} />;
}

const EMPTY: ProductFilterForm = { bankId: '', guaranteeType: '', amount: '', termMonths: '' };

export function toProductFilter(form: ProductFilterForm): CreditProductFilter {
  const filter: CreditProductFilter = {};
  if (form.bankId) filter.bankIds = [form.bankId];
  if (form.guaranteeType) filter.guaranteeTypes = [form.guaranteeType as GuaranteeType];
  if (/^\d+(\.\d{1,2})?$/.test(form.amount.trim())) filter.amount = { amount: form.amount.trim(), currency: 'CNY' };
  if (/^\d{1,3}$/.test(form.termMonths.trim())) filter.termMonths = Number(form.termMonths.trim());
  return filter;
}

/** The public directory of active credit products, filtered by bank, guarantee, amount and term. */
export function ProductsPage() {
  const { t } = useTranslation();
  const [form, setForm] = useState<ProductFilterForm>(EMPTY);
  const [filter, setFilter] = useState<CreditProductFilter>({});
  const [cursors, setCursors] = useState<string[]>([]);
  const [{ data: banks }] = useQuery({ query: FinancingBanksDocument });
  const [{ data, fetching, error }, refetch] = useQuery({
    query: CreditProductsDocument,
    variables: { filter, first: PAGE },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setCursors([]);
    setFilter(toProductFilter(form));
  };
  return (
    <Page title={t('financing.products.title')} intro={t('financing.products.intro')}>
      <form className="form filters" onSubmit={onSubmit} aria-label={t('financing.products.filters')}>
        <div className="form__row">
          <SelectField
            label={t('financing.products.bank')}
            name="bankId"
            value={form.bankId}
            placeholder={t('financing.products.allBanks')}
            options={banks?.banks.edges.map((edge) => ({ value: edge.node.id, label: edge.node.name })) ?? []}
            onChange={(event) => setForm({ ...form, bankId: event.target.value })}
          />
          <SelectField
            label={t('financing.products.guaranteeType')}
            name="guaranteeType"
            value={form.guaranteeType}
            placeholder={t('financing.products.any')}
            options={financingOptions(t, 'GuaranteeType')}
            onChange={(event) => setForm({ ...form, guaranteeType: event.target.value })}
          />
          <TextField
            label={t('financing.products.amount')}
            name="amount"
            inputMode="decimal"
            value={form.amount}
            onChange={(event) => setForm({ ...form, amount: event.target.value })}
          />
          <TextField
            label={t('financing.products.term')}
            name="termMonths"
            inputMode="numeric"
            value={form.termMonths}
            onChange={(event) => setForm({ ...form, termMonths: event.target.value })}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            {t('financing.products.apply')}
          </button>
        </div>
      </form>
      {fetching && !data ? <Loading /> : null}
      {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {data ? (
        <p role="status" data-testid="product-count">
          {t('financing.products.count', { count: data.creditProducts.totalCount })}
        </p>
      ) : null}
      {data && data.creditProducts.edges.length === 0 ? <EmptyState>{t('financing.products.empty')}</EmptyState> : null}
      <ProductsChunk
        page={data?.creditProducts}
        last={cursors.length === 0}
        onMore={(cursor) => setCursors([cursor])}
      />
      {cursors.map((cursor, index) => (
        <LaterProducts
          key={cursor}
          filter={filter}
          after={cursor}
          last={index === cursors.length - 1}
          onMore={(next) => setCursors([...cursors, next])}
        />
      ))}
    </Page>
  );
}
