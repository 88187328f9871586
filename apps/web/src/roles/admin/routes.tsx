import { Navigate, Route, Routes } from 'react-router';
import { monitoringRoutes } from '../ministry/routes';
import { NotFound } from '../NotFound';
import { ROLES } from '../registry';
import AuditPage from './AuditPage';
import StaffPage from './StaffPage';

/**
 * The administrator's console (role ADMIN): staff accounts, the audit trail, and every monitoring page
 * an officer has. SPA paths start with /platform, not /admin: /admin/* is the API's own (the queue
 * dashboard).
 */
export default function AdminRoutes() {
  return (
    <Routes>
      <Route index element={<Navigate to={ROLES.ADMIN.home} replace />} />
      <Route path="platform/audit" element={<AuditPage />} />
      <Route path="platform/staff" element={<StaffPage />} />
      {monitoringRoutes()}
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
