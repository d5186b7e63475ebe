import { useTranslation } from 'react-i18next';
import type { DeclarationFieldsFragment } from '../gql/graphql';
import { formatDate, formatMoney } from '../i18n/format';
import { enumLabel } from '../i18n/labels';
import { usePreferences } from '../preferences/PreferencesProvider';

/** The declared items of an application, read-only, for the applicant and the official. */
export function DeclarationView({ declaration }: { declaration: DeclarationFieldsFragment }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const d = declaration;
  const none = <span className="empty">{t('common.none')}</span>;
  return (
    <div className="declaration" data-testid="declaration">
      <dl className="facts">
        <dt>{t('registration.items.name')}</dt>
        <dd>{d.name ?? none}</dd>
        <dt>{t('registration.items.kind')}</dt>
        <dd>{d.kind ? enumLabel(t, 'EnterpriseKind', d.kind) : none}</dd>
        <dt>{t('registration.items.industry')}</dt>
        <dd>{d.industry ? `${d.industry.code} ${d.industry.name}` : none}</dd>
        <dt>{t('registration.items.foreignInvested')}</dt>
        <dd>{d.foreignInvested == null ? none : d.foreignInvested ? t('common.yes') : t('common.no')}</dd>
        <dt>{t('registration.items.businessScope')}</dt>
        <dd>{d.businessScope ?? none}</dd>
        <dt>{t('registration.items.registeredAddress')}</dt>
        <dd>
          {d.registeredAddress
            ? `${enumLabel(t, 'District', d.registeredAddress.district)} · ${d.registeredAddress.address}${
                d.registeredAddress.zone !== 'NONE' ? ` · ${enumLabel(t, 'Zone', d.registeredAddress.zone)}` : ''
              }${d.registeredAddress.postalCode ? ` · ${d.registeredAddress.postalCode}` : ''}${
                d.registeredAddress.hostName
                  ? ` · ${t('applicationForm.hostedBy', { host: d.registeredAddress.hostName })}`
                  : ''
              }`
            : none}
        </dd>
        <dt>{t('registration.items.registeredCapital')}</dt>
        <dd>{d.registeredCapital ? formatMoney(d.registeredCapital, language) : none}</dd>
        <dt>{t('registration.items.legalRepresentative')}</dt>
        <dd>
          {d.legalRepresentative
            ? `${d.legalRepresentative.name} · ${enumLabel(t, 'IdDocumentType', d.legalRepresentative.idType)} ${d.legalRepresentative.idNumber}`
            : none}
        </dd>
        <dt>{t('registration.items.operatingTerm')}</dt>
        <dd>
          {d.operatingTerm
            ? d.operatingTerm.longTerm
              ? t('registration.longTerm')
              : d.operatingTerm.endsOn
                ? t('registration.until', { date: formatDate(d.operatingTerm.endsOn, language) })
                : none
            : none}
        </dd>
        <dt>{t('registration.items.liaison')}</dt>
        <dd>{d.liaison ? [d.liaison.name, d.liaison.phone, d.liaison.email].filter(Boolean).join(' · ') : none}</dd>
        <dt>{t('registration.items.articlesOfAssociation')}</dt>
        <dd>
          {d.articlesOfAssociation
            ? t('registration.articlesAdopted', { date: formatDate(d.articlesOfAssociation.adoptedOn, language) })
            : none}
        </dd>
        {d.serviceAgent ? (
          <>
            <dt>{t('registration.items.serviceAgent')}</dt>
            <dd>{[d.serviceAgent.name, d.serviceAgent.address, d.serviceAgent.phone].join(' · ')}</dd>
          </>
        ) : null}
      </dl>
      <h3>{t('registration.items.investors')}</h3>
      {d.investors.length ? (
        <div
          className="table-wrap"
          tabIndex={0}
          role="region"
          aria-label={t('applicationForm.investorTableLabel')}
          data-testid="investor-table"
        >
          <table>
            <thead>
              <tr>
                <th scope="col">{t('registration.investor.name')}</th>
                <th scope="col">{t('registration.investor.kind')}</th>
                <th scope="col">{t('registration.investor.subscribedAmount')}</th>
                <th scope="col">{t('registration.investor.contributionForm')}</th>
              </tr>
            </thead>
            <tbody>
              {d.investors.map((investor, index) => (
                <tr key={index}>
                  <td>{investor.name}</td>
                  <td>{enumLabel(t, 'InvestorKind', investor.kind)}</td>
                  <td>{formatMoney(investor.subscribedCapital, language)}</td>
                  <td>{enumLabel(t, 'ContributionForm', investor.contributionForm)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{none}</p>
      )}
      <h3>{t('registration.items.officers')}</h3>
      {d.officers.length ? (
        <ul>
          {d.officers.map((officer, index) => (
            <li key={index}>
              {enumLabel(t, 'OfficerPosition', officer.position)}: {officer.name}
            </li>
          ))}
        </ul>
      ) : (
        <p>{none}</p>
      )}
    </div>
  );
}
