import { lazy, Suspense, type ComponentType } from 'react';
import { Route, Routes } from 'react-router';
import { Loading } from './components/Feedback';
import { Layout } from './components/Layout';
import { HomePage } from './pages/HomePage';
import { RequireRole } from './session/RequireRole';

/**
 * A page loaded on first use, from a module that exports it by name. Only the home page is in the
 * first load: on a slow connection every other page's code would delay it (each page's chunk loads
 * when its route opens).
 */
function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const VerifyLicencePage = lazyPage(() => import('./licence/VerifyLicencePage'), 'VerifyLicencePage');
const MyReservationsPage = lazyPage(() => import('./names/MyReservationsPage'), 'MyReservationsPage');
const NameCheckPage = lazyPage(() => import('./names/NameCheckPage'), 'NameCheckPage');
const ReserveNamePage = lazyPage(() => import('./names/ReserveNamePage'), 'ReserveNamePage');
const NotFoundPage = lazyPage(() => import('./pages/NotFoundPage'), 'NotFoundPage');
const SignInPage = lazyPage(() => import('./pages/SignInPage'), 'SignInPage');
const SignUpPage = lazyPage(() => import('./pages/SignUpPage'), 'SignUpPage');
const InboxPage = lazyPage(() => import('./notifications/InboxPage'), 'InboxPage');
const ApplicationPage = lazyPage(() => import('./registration/ApplicationPage'), 'ApplicationPage');
const MyApplicationsPage = lazyPage(() => import('./registration/MyApplicationsPage'), 'MyApplicationsPage');
const NoticesPage = lazyPage(() => import('./notices/NoticesPage'), 'NoticesPage');
const ChangeStartPage = lazyPage(() => import('./registration/change/ChangeStartPage'), 'ChangeStartPage');
const DeregistrationPage = lazyPage(() => import('./registration/change/DeregistrationPage'), 'DeregistrationPage');
const EditApplicationPage = lazyPage(() => import('./registration/change/EditApplicationPage'), 'EditApplicationPage');
const MyEnterprisesPage = lazyPage(() => import('./enterprises/MyEnterprisesPage'), 'MyEnterprisesPage');

// Large or rarely needed parts load on demand, each in its own chunk: the explorer (GraphiQL and
// Monaco) and the official's desk.
const ExplorerPage = lazy(() => import('./explorer/ExplorerPage'));
const DeskRoutes = lazy(() => import('./desk/DeskRoutes'));
const FinancingRoutes = lazy(() => import('./financing/FinancingRoutes'));
const InvestorServicesRoutes = lazy(() => import('./investor-services/InvestorServicesRoutes'));
const AdminRoutes = lazy(() => import('./admin/AdminRoutes'));
const OrganisationKeysPage = lazy(() => import('./organisation/OrganisationKeysPage'));
const OrganisationWebhooksPage = lazy(() => import('./organisation/OrganisationWebhooksPage'));
const HostingRoutes = lazy(() => import('./hosting/HostingRoutes'));
const RevocationNoticePage = lazyPage(() => import('./supervision/RevocationNoticePage'), 'RevocationNoticePage');

const APPLICANT = ['APPLICANT'];

export function App() {
  return (
    <Layout>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/sign-up" element={<SignUpPage />} />
          <Route path="/investor-services/*" element={<InvestorServicesRoutes />} />
          <Route path="/names/check" element={<NameCheckPage />} />
          <Route
            path="/names/reserve"
            element={
              <RequireRole roles={APPLICANT}>
                <ReserveNamePage />
              </RequireRole>
            }
          />
          <Route
            path="/names/mine"
            element={
              <RequireRole roles={APPLICANT}>
                <MyReservationsPage />
              </RequireRole>
            }
          />
          <Route
            path="/applications"
            element={
              <RequireRole roles={APPLICANT}>
                <MyApplicationsPage />
              </RequireRole>
            }
          />
          <Route
            path="/applications/new"
            element={
              <RequireRole roles={APPLICANT}>
                <EditApplicationPage />
              </RequireRole>
            }
          />
          <Route
            path="/applications/change"
            element={
              <RequireRole roles={APPLICANT}>
                <ChangeStartPage />
              </RequireRole>
            }
          />
          <Route
            path="/applications/deregister"
            element={
              <RequireRole roles={APPLICANT}>
                <DeregistrationPage />
              </RequireRole>
            }
          />
          <Route
            path="/applications/:id/edit"
            element={
              <RequireRole roles={APPLICANT}>
                <EditApplicationPage />
              </RequireRole>
            }
          />
          <Route
            path="/applications/:id"
            element={
              <RequireRole>
                <ApplicationPage />
              </RequireRole>
            }
          />
          <Route
            path="/enterprises"
            element={
              <RequireRole roles={APPLICANT}>
                <MyEnterprisesPage />
              </RequireRole>
            }
          />
          <Route
            path="/inbox"
            element={
              <RequireRole>
                <InboxPage />
              </RequireRole>
            }
          />
          <Route
            path="/revocation-notices/:id"
            element={
              <RequireRole roles={APPLICANT}>
                <RevocationNoticePage />
              </RequireRole>
            }
          />
          <Route path="/verify" element={<VerifyLicencePage />} />
          <Route path="/notices" element={<NoticesPage />} />
          <Route path="/desk/*" element={<DeskRoutes />} />
          <Route path="/financing/*" element={<FinancingRoutes />} />
          <Route path="/admin/*" element={<AdminRoutes />} />
          <Route path="/organisation/keys" element={<OrganisationKeysPage />} />
          <Route path="/organisation/webhooks" element={<OrganisationWebhooksPage />} />
          <Route path="/hosting/*" element={<HostingRoutes />} />
          <Route path="/explorer" element={<ExplorerPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}
