// The administrator's console: its own chunk, loaded only when an administrator opens /admin.
import { useTranslation } from 'react-i18next';
import { NavLink, Navigate, Route, Routes } from 'react-router';
import { Page } from '../components/Page';
import { NotFoundPage } from '../pages/NotFoundPage';
import { RequireRole } from '../session/RequireRole';
import { ApiKeysSection } from './ApiKeysSection';
import { AuditSection } from './AuditSection';
import { CalendarSection } from './CalendarSection';
import { NamesSection } from './NamesSection';
import { RegistrationTermsSection } from './RegistrationTermsSection';
import { SettingsSection } from './SettingsSection';
import { StaffSection } from './StaffSection';

const SECTIONS = ['keys', 'staff', 'calendar', 'names', 'registration', 'settings', 'audit'] as const;

function AdminLayout({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Page title={t('admin.title')} intro={t('admin.intro')} wide>
      <nav className="tabs admin-nav" aria-label={t('admin.sections')}>
        <ul>
          {SECTIONS.map((section) => (
            <li key={section}>
              <NavLink to={`/admin/${section}`}>{t(`admin.nav.${section}`)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </Page>
  );
}

export default function AdminRoutes() {
  return (
    <RequireRole roles={['ADMIN']}>
      <AdminLayout>
        <Routes>
          <Route index element={<Navigate to="keys" replace />} />
          <Route path="keys" element={<ApiKeysSection />} />
          <Route path="staff" element={<StaffSection />} />
          <Route path="calendar" element={<CalendarSection />} />
          <Route path="names" element={<NamesSection />} />
          <Route path="registration" element={<RegistrationTermsSection />} />
          <Route path="settings" element={<SettingsSection />} />
          <Route path="audit" element={<AuditSection />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </AdminLayout>
    </RequireRole>
  );
}
