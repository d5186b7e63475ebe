// An organisation administrator's page: its organisation's API keys. Its own chunk, loaded only when opened.
import { useTranslation } from 'react-i18next';
import { ApiKeysSection } from '../admin/ApiKeysSection';
import { Notice } from '../components/Feedback';
import { Page } from '../components/Page';
import { RequireRole } from '../session/RequireRole';
import { useViewer } from '../session/useViewer';

function OrganisationKeys() {
  const { t } = useTranslation();
  const { user } = useViewer();
  const organisation = user?.organisation;
  if (!user?.organisationAdmin || !organisation) {
    return (
      <Page title={t('admin.org.title')}>
        <Notice>{t('admin.org.notAdmin')}</Notice>
      </Page>
    );
  }
  return (
    <Page title={t('admin.org.title')} intro={`${organisation.name} · ${t('admin.org.intro')}`} wide>
      <ApiKeysSection scopesOffered={organisation.apiScopes} titleKey="admin.keys.title" />
    </Page>
  );
}

export default function OrganisationKeysPage() {
  return (
    <RequireRole roles={['BANK_OFFICER', 'HOST_AGENT']}>
      <OrganisationKeys />
    </RequireRole>
  );
}
