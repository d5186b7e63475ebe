// 金企通: its own chunk, loaded when a /financing page opens; the dashboard (with its chart
// library) is a further chunk of its own, loaded only on that route.
import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../pages/NotFoundPage';
import { RequireRole } from '../session/RequireRole';
import { BankDemandPage } from './BankDemandPage';
import { BankProductsPage } from './BankProductsPage';
import { DemandFormPage } from './DemandFormPage';
import { DemandPage } from './DemandPage';
import './financing.css';
import { LandingPage } from './LandingPage';
import { MyDemandsPage } from './MyDemandsPage';
import { MyOffersPage } from './MyOffersPage';
import { ProductsPage } from './ProductsPage';
import { WorkbenchPage } from './WorkbenchPage';

const DashboardPage = lazy(() => import('./DashboardPage'));

const APPLICANT = ['APPLICANT'];
const BANK = ['BANK_OFFICER'];

export default function FinancingRoutes() {
  return (
    <Routes>
      <Route index element={<LandingPage />} />
      <Route path="products" element={<ProductsPage />} />
      <Route
        path="demands"
        element={
          <RequireRole roles={APPLICANT}>
            <MyDemandsPage />
          </RequireRole>
        }
      />
      <Route
        path="demands/new"
        element={
          <RequireRole roles={APPLICANT}>
            <DemandFormPage />
          </RequireRole>
        }
      />
      <Route
        path="demands/:id"
        element={
          <RequireRole roles={APPLICANT}>
            <DemandPage />
          </RequireRole>
        }
      />
      <Route
        path="workbench"
        element={
          <RequireRole roles={BANK}>
            <WorkbenchPage />
          </RequireRole>
        }
      />
      <Route
        path="workbench/demands/:id"
        element={
          <RequireRole roles={BANK}>
            <BankDemandPage />
          </RequireRole>
        }
      />
      <Route
        path="workbench/offers"
        element={
          <RequireRole roles={BANK}>
            <MyOffersPage />
          </RequireRole>
        }
      />
      <Route
        path="workbench/products"
        element={
          <RequireRole roles={BANK}>
            <BankProductsPage />
          </RequireRole>
        }
      />
      <Route
        path="dashboard"
        element={
          <RequireRole roles={['OFFICIAL']}>
            <DashboardPage />
          </RequireRole>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
