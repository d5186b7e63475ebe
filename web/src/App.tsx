import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Loading } from './components/Feedback';
import { Layout } from './components/Layout';
import { VerifyLicencePage } from './licence/VerifyLicencePage';
import { MyReservationsPage } from './names/MyReservationsPage';
import { NameCheckPage } from './names/NameCheckPage';
import { ReserveNamePage } from './names/ReserveNamePage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SignInPage } from './pages/SignInPage';
import { SignUpPage } from './pages/SignUpPage';
import { InboxPage } from './notifications/InboxPage';
import { NoticesPage } from './notices/NoticesPage';
import { ApplicationPage } from './registration/ApplicationPage';
import { MyApplicationsPage } from './registration/MyApplicationsPage';
import { ChangeStartPage } from './registration/change/ChangeStartPage';
import { DeregistrationPage } from './registration/change/DeregistrationPage';
import { EditApplicationPage } from './registration/change/EditApplicationPage';
import { MyEnterprisesPage } from './enterprises/MyEnterprisesPage';
import { RequireRole } from './session/RequireRole';

// Large or rarely needed parts load on demand, each in its own chunk: the explorer (GraphiQL and
// Monaco) and the official's desk.
const ExplorerPage = lazy(() => import('./explorer/ExplorerPage'));
const DeskRoutes = lazy(() => import('./desk/DeskRoutes'));
const FinancingRoutes = lazy(() => import('./financing/FinancingRoutes'));
const InvestorServicesRoutes = lazy(() => import('./investor-services/InvestorServicesRoutes'));
const AdminRoutes = lazy(() => import('./admin/AdminRoutes'));
const HostingRoutes = lazy(() => import('./hosting/HostingRoutes'));
const RevocationNoticePage = lazy(() =>
  import('./supervision/RevocationNoticePage').then((m) => ({ default: m.RevocationNoticePage })),
);

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
          <Route path="/hosting/*" element={<HostingRoutes />} />
          <Route path="/explorer" element={<ExplorerPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}
