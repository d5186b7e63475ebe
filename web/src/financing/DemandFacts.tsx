import { useTranslation } from 'react-i18next';
import type { FinancingDemandFieldsFragment } from '../gql/graphql';
import { formatDate, formatDateTime } from '../i18n/format';
import { enumLabel } from '../i18n/labels';
import { usePreferences } from '../preferences/PreferencesProvider';
import { financingLabel, formatExactAmount, formatLoanAmount, formatRate } from './format';

/** What a demand says, as everyone allowed to see it sees it (the contact only as ContactBlock). */
export function DemandFacts({ demand }: { demand: FinancingDemandFieldsFragment }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  return (
    <dl className="facts" data-testid="demand-facts">
      <dt>{t('financing.demand.enterprise')}</dt>
      <dd>{demand.enterprise.name}</dd>
      {demand.enterprise.uscc ? (
        <>
          <dt>{t('financing.demand.uscc')}</dt>
          <dd>{demand.enterprise.uscc}</dd>
        </>
      ) : null}
      <dt>{t('financing.demand.district')}</dt>
      <dd>{enumLabel(t, 'District', demand.district)}</dd>
      <dt>{t('financing.demand.industry')}</dt>
      <dd>
        {demand.industry.name} ({demand.industry.code})
      </dd>
      <dt>{t('financing.demand.foreignInvested')}</dt>
      <dd>{demand.foreignInvested ? t('common.yes') : t('common.no')}</dd>
      <dt>{t('financing.offers.amount')}</dt>
      <dd>
        {formatLoanAmount(demand.amount, language)}
        {language === 'zh-CN' ? ` (${formatExactAmount(demand.amount, language)})` : null}
      </dd>
      <dt>{t('financing.offers.term')}</dt>
      <dd>{t('financing.units.months', { count: demand.termMonths })}</dd>
      <dt>{t('financing.fields.purpose')}</dt>
      <dd>{financingLabel(t, 'FinancingPurpose', demand.purpose)}</dd>
      <dt>{t('financing.fields.guaranteeType')}</dt>
      <dd>{financingLabel(t, 'GuaranteeType', demand.guaranteeType)}</dd>
      {demand.collateral ? (
        <>
          <dt>{t('financing.fields.collateral')}</dt>
          <dd>{demand.collateral}</dd>
        </>
      ) : null}
      <dt>{t('financing.fields.maxAnnualRate')}</dt>
      <dd>{demand.maxAnnualRate ? formatRate(demand.maxAnnualRate, language) : t('financing.workbench.any')}</dd>
      {demand.desiredOn ? (
        <>
          <dt>{t('financing.fields.desiredOn')}</dt>
          <dd>{formatDate(demand.desiredOn, language)}</dd>
        </>
      ) : null}
      <dt>{t('financing.demand.publishedAt')}</dt>
      <dd>{formatDateTime(demand.publishedAt, language)}</dd>
      <dt>{t('financing.demand.expiresAt')}</dt>
      <dd>{formatDateTime(demand.expiresAt, language)}</dd>
    </dl>
  );
}

/** The contact person, only when the API sent one: nothing at all otherwise (no placeholder). */
export function ContactBlock({ demand }: { demand: FinancingDemandFieldsFragment }) {
  const { t } = useTranslation();
  if (!demand.contact) return null;
  return (
    <section className="section" aria-labelledby="contact-title" data-testid="contact">
      <h2 id="contact-title">{t('financing.bank.contactTitle')}</h2>
      <dl className="facts">
        <dt>{t('financing.fields.contactName')}</dt>
        <dd>{demand.contact.name}</dd>
        <dt>{t('financing.fields.contactPhone')}</dt>
        <dd>
          <a href={`tel:${demand.contact.phone}`}>{demand.contact.phone}</a>
        </dd>
        {demand.contact.email ? (
          <>
            <dt>{t('financing.fields.contactEmail')}</dt>
            <dd>
              <a href={`mailto:${demand.contact.email}`}>{demand.contact.email}</a>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
