// The official's desk: its own chunk, loaded only when an official opens it.
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../pages/NotFoundPage';
import { RequireRole } from '../session/RequireRole';
import { DeskApplicationPage } from './DeskApplicationPage';
import { DeskHomePage } from './DeskHomePage';
import { ClearanceQueuePage } from './clearances/ClearanceQueuePage';
import { InspectionsPage } from './inspections/InspectionsPage';

export default function DeskRoutes() {
  return (
    <RequireRole roles={['OFFICIAL']}>
      <Routes>
        <Route index element={<DeskHomePage />} />
        <Route path="applications/:id" element={<DeskApplicationPage />} />
        <Route path="clearances" element={<ClearanceQueuePage />} />
        <Route path="inspections" element={<InspectionsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </RequireRole>
  );
}
