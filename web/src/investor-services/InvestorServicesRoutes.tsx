// Foreign-investment services: its own chunk, loaded when someone opens /investor-services.
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../pages/NotFoundPage';
import { RequireRole } from '../session/RequireRole';
import { DeskCasePage, DeskQueuePage } from './DeskPages';
import { DeskTypicalCasesPage } from './DeskTypicalCasesPage';
import { FiguresPage } from './FiguresPage';
import { CasePage, InvestorHomePage, SubmitCasePage, TypicalCasesPage } from './InvestorPages';

export default function InvestorServicesRoutes() {
  return (
    <Routes>
      <Route index element={<InvestorHomePage />} />
      <Route path="typical" element={<TypicalCasesPage />} />
      <Route
        path="new"
        element={
          <RequireRole roles={['APPLICANT']}>
            <SubmitCasePage />
          </RequireRole>
        }
      />
      <Route
        path="cases/:id"
        element={
          <RequireRole roles={['APPLICANT']}>
            <CasePage />
          </RequireRole>
        }
      />
      <Route
        path="desk"
        element={
          <RequireRole roles={['OFFICIAL']}>
            <DeskQueuePage />
          </RequireRole>
        }
      />
      <Route
        path="desk/cases/:id"
        element={
          <RequireRole roles={['OFFICIAL']}>
            <DeskCasePage />
          </RequireRole>
        }
      />
      <Route
        path="desk/typical"
        element={
          <RequireRole roles={['OFFICIAL']}>
            <DeskTypicalCasesPage />
          </RequireRole>
        }
      />
      <Route
        path="desk/figures"
        element={
          <RequireRole roles={['OFFICIAL']}>
            <FiguresPage />
          </RequireRole>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
