import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { groupUserErrors } from '../api/errors';
import { EmptyState, ErrorNotice, FormErrors, Loading, Notice } from '../components/Feedback';
import { TextField } from '../components/Field';
import { Page } from '../components/Page';
import { StatusBadge } from '../components/StatusBadge';
import {
  AcceptEnterpriseAgentInvitationDocument,
  InviteEnterpriseAgentDocument,
  MyEnterprisesDocument,
  RemoveEnterpriseAgentDocument,
  RevokeEnterpriseAgentInvitationDocument,
  type MyEnterprisesQuery,
} from '../gql/graphql';
import { formatDate, formatDateTime } from '../i18n/format';
import { LicencePdfDownload } from '../licence/LicencePdfDownload';
import { enumLabel } from '../i18n/labels';
import { usePreferences } from '../preferences/PreferencesProvider';

type EnterpriseNode = MyEnterprisesQuery['myEnterprises']['edges'][number]['node'];

/**
 * "My enterprises" (帮办代办): every enterprise the applicant acts for, from one query, with its
 * agents and the controls to invite and remove them; and the invitations waiting for the applicant.
 */
export function MyEnterprisesPage() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyEnterprisesDocument, variables: { first: 50 } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [, accept] = useMutation(AcceptEnterpriseAgentInvitationDocument);
  const [problems, setProblems] = useState<string[]>([]);
  const enterprises = data?.myEnterprises.edges.map((e) => e.node) ?? [];
  const invitations = data?.myEnterpriseAgentInvitations.edges.map((e) => e.node) ?? [];

  return (
    <Page title={t('enterprises.title')}>
      <p>{t('enterprises.intro')}</p>
      {fetching && !data ? <Loading /> : null}
      {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      <FormErrors messages={problems} />
      {invitations.length ? (
        <section aria-labelledby="invitations-title">
          <h2 id="invitations-title">{t('enterprises.invitationsTitle')}</h2>
          <ul className="cards">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="card" data-testid="invitation">
                <p>
                  {t('enterprises.invitationFrom', {
                    inviter: invitation.invitedByName,
                    name: invitation.enterprise.name,
                    date: formatDateTime(invitation.expiresAt, language),
                  })}
                </p>
                <button
                  type="button"
                  className="button button--primary"
                  onClick={async () => {
                    const result = await accept({ input: { id: invitation.id } });
                    const errors = result.data?.acceptEnterpriseAgentInvitation?.userErrors ?? [];
                    setProblems(errors.map((e) => e.message));
                    if (!result.error && errors.length === 0) reload();
                  }}
                >
                  {t('enterprises.accept')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data && enterprises.length === 0 ? <EmptyState>{t('enterprises.empty')}</EmptyState> : null}
      {enterprises.length ? (
        <ul className="cards">
          {enterprises.map((enterprise) => (
            <EnterpriseCard key={enterprise.id} enterprise={enterprise} onChanged={reload} />
          ))}
        </ul>
      ) : null}
    </Page>
  );
}

function EnterpriseCard({ enterprise, onChanged }: { enterprise: EnterpriseNode; onChanged: () => void }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const headingId = `enterprise-${enterprise.id}`;
  const lists: { key: string; title: string; items: { key: string; text: string; to?: string }[] }[] = [
    {
      key: 'applications',
      title: t('enterprises.applications', { count: enterprise.registrationApplications?.totalCount ?? 0 }),
      items: (enterprise.registrationApplications?.edges ?? []).map(({ node }) => ({
        key: node.id,
        text: `${node.number} · ${enumLabel(t, 'RegistrationKind', node.kind)} · ${enumLabel(t, 'RegistrationStatus', node.status)}`,
        to: `/applications/${encodeURIComponent(node.id)}`,
      })),
    },
    {
      key: 'changes',
      title: t('enterprises.changes', { count: enterprise.changes.totalCount }),
      items: enterprise.changes.edges.map(({ node }, i) => ({
        key: String(i),
        text: `${formatDate(node.at.slice(0, 10), language)} · ${enumLabel(t, 'RegistrationKind', node.kind)}`,
      })),
    },
    {
      key: 'demands',
      title: t('enterprises.demands', { count: enterprise.financingDemands?.totalCount ?? 0 }),
      items: (enterprise.financingDemands?.edges ?? []).map(({ node }) => ({
        key: node.id,
        text: `${node.number} · ${t(`enums.FinancingDemandStatus.${node.status}`, { defaultValue: node.status })}`,
        to: `/financing/demands/${encodeURIComponent(node.id)}`,
      })),
    },
    {
      key: 'agreements',
      title: t('enterprises.agreements', { count: enterprise.hostingAgreements?.totalCount ?? 0 }),
      items: (enterprise.hostingAgreements?.edges ?? []).map(({ node }) => ({
        key: node.id,
        text: t(`enums.HostingAgreementStatus.${node.status}`, { defaultValue: node.status }),
      })),
    },
    {
      key: 'cases',
      title: t('enterprises.cases', { count: enterprise.serviceCases?.totalCount ?? 0 }),
      items: (enterprise.serviceCases?.edges ?? []).map(({ node }) => ({
        key: node.id,
        text: `${node.number} · ${t(`enums.ServiceCaseStatus.${node.status}`, { defaultValue: node.status })}`,
        to: `/investor-services/cases/${encodeURIComponent(node.id)}`,
      })),
    },
  ];

  return (
    <li className="card" data-testid="enterprise" aria-labelledby={headingId} style={{ overflowWrap: 'anywhere' }}>
      <h2 className="card__title" id={headingId}>
        {enterprise.name} <StatusBadge enumName="EnterpriseStatus" value={enterprise.status} />
      </h2>
      <dl className="facts">
        <dt>{t('enterprises.uscc')}</dt>
        <dd>{enterprise.uscc ?? t('enterprises.none')}</dd>
        <dt>{t('enterprises.established')}</dt>
        <dd>{enterprise.establishedOn ? formatDate(enterprise.establishedOn, language) : t('enterprises.none')}</dd>
        <dt>{t('enterprises.licence')}</dt>
        <dd>
          {enterprise.licence ? (
            <Link to={`/verify?code=${encodeURIComponent(enterprise.licence.verificationCode)}`}>
              {t('enterprises.verifyLicence', { number: enterprise.licence.number })}
            </Link>
          ) : (
            t('enterprises.noLicence')
          )}
        </dd>
      </dl>
      {enterprise.licence ? <LicencePdfDownload enterpriseId={enterprise.id} uscc={enterprise.uscc} /> : null}
      {lists.map((list) => (
        <section key={list.key} data-testid={`enterprise-${list.key}`}>
          <h3>{list.title}</h3>
          {list.items.length ? (
            <ul>
              {list.items.map((item) => (
                <li key={item.key}>{item.to ? <Link to={item.to}>{item.text}</Link> : item.text}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
      <Agents enterprise={enterprise} onChanged={onChanged} />
    </li>
  );
}

function Agents({ enterprise, onChanged }: { enterprise: EnterpriseNode; onChanged: () => void }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const [, invite] = useMutation(InviteEnterpriseAgentDocument);
  const [, revoke] = useMutation(RevokeEnterpriseAgentInvitationDocument);
  const [, remove] = useMutation(RemoveEnterpriseAgentDocument);
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<{ byField: Record<string, string[]>; general: string[] }>({
    byField: {},
    general: [],
  });
  const [sent, setSent] = useState(false);
  const agents = enterprise.agents ?? [];
  const pending = enterprise.agentInvitations ?? [];
  const show = (userErrors: readonly { code: string; field?: readonly string[] | null; message: string }[]) =>
    setErrors(groupUserErrors(userErrors, ['email']));

  return (
    <section data-testid="enterprise-agents">
      <h3>{t('enterprises.agentsTitle')}</h3>
      <FormErrors messages={errors.general} />
      <ul>
        {agents.map((agent) => (
          <li key={agent.userId} data-testid="agent">
            {agent.displayName} &lt;{agent.email}&gt;{agent.isViewer ? t('enterprises.you') : null}{' '}
            {agents.length > 1 ? (
              <button
                type="button"
                className="button button--secondary"
                onClick={async () => {
                  if (!window.confirm(t('enterprises.confirmRemove', { name: agent.displayName }))) return;
                  const result = await remove({ input: { enterpriseId: enterprise.id, userId: agent.userId } });
                  show(result.data?.removeEnterpriseAgent?.userErrors ?? []);
                  onChanged();
                }}
              >
                {t('enterprises.remove', { name: agent.displayName, email: agent.email })}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {pending.length ? (
        <>
          <h4>{t('enterprises.pendingTitle')}</h4>
          <ul>
            {pending.map((invitation) => (
              <li key={invitation.id} data-testid="sent-invitation">
                {t('enterprises.pendingLine', {
                  email: invitation.email,
                  date: formatDateTime(invitation.expiresAt, language),
                })}{' '}
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={async () => {
                    const result = await revoke({ input: { id: invitation.id } });
                    show(result.data?.revokeEnterpriseAgentInvitation?.userErrors ?? []);
                    onChanged();
                  }}
                >
                  {t('enterprises.revoke', { email: invitation.email })}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <form
        className="form"
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          setSent(false);
          const result = await invite({ input: { enterpriseId: enterprise.id, email } });
          const userErrors = result.data?.inviteEnterpriseAgent?.userErrors ?? [];
          show(userErrors);
          if (!result.error && userErrors.length === 0) {
            setEmail('');
            setSent(true);
            onChanged();
          }
        }}
      >
        <TextField
          label={t('enterprises.inviteLabel')}
          hint={t('enterprises.inviteHint')}
          name={`invite-${enterprise.id}`}
          type="email"
          autoComplete="off"
          value={email}
          errors={errors.byField.email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <button type="submit" className="button button--primary">
          {t('enterprises.invite')}
        </button>
        {sent ? <Notice kind="success">{t('enterprises.invited')}</Notice> : null}
      </form>
    </section>
  );
}
