// 住所托管 pages: their own chunk, loaded when someone opens /hosting.
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../pages/NotFoundPage';
import { RequireRole } from '../session/RequireRole';
import { AbnormalListPage } from './AbnormalListPage';
import { DirectoryPage } from './DirectoryPage';
import { HostDeskPage } from './HostDeskPage';
import { MyHostingPage } from './MyHostingPage';
import { ReviewPage } from './ReviewPage';

export default function HostingRoutes() {
  return (
    <Routes>
      <Route index element={<DirectoryPage />} />
      <Route path="abnormal" element={<AbnormalListPage />} />
      <Route
        path="mine"
        element={
          <RequireRole roles={['APPLICANT']}>
            <MyHostingPage />
          </RequireRole>
        }
      />
      <Route
        path="desk"
        element={
          <RequireRole roles={['HOST_AGENT']}>
            <HostDeskPage />
          </RequireRole>
        }
      />
      <Route
        path="review"
        element={
          <RequireRole roles={['OFFICIAL']}>
            <ReviewPage />
          </RequireRole>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
