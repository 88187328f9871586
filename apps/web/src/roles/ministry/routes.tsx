import { Navigate, Route, Routes } from 'react-router';
import AgreementPage from '../../features/agreements/AgreementPage';
import AgreementsPage from '../../features/agreements/AgreementsPage';
import NotificationsPage from '../../features/notifications/NotificationsPage';
import { NotFound } from '../NotFound';
import { ROLES } from '../registry';
import CaseNewPage from './CaseNewPage';
import CasePage from './CasePage';
import CasesPage from './CasesPage';
import DashboardPage from './DashboardPage';
import FindingsPage from './FindingsPage';
import OverduePage from './OverduePage';
import PartnersPage from './PartnersPage';
import ReportPage from './ReportPage';
import ReportsPage from './ReportsPage';

/**
 * The monitoring pages under /ministry, shared by officers and administrators (admin/routes.tsx).
 * The dashboard's charts (recharts) load in a chunk of their own, only from the dashboard.
 */
export function monitoringRoutes() {
  return (
    <>
      <Route path="ministry" element={<Navigate to="/ministry/dashboard" replace />} />
      <Route path="ministry/dashboard" element={<DashboardPage />} />
      <Route path="ministry/partners" element={<PartnersPage />} />
      <Route path="ministry/overdue" element={<OverduePage />} />
      <Route path="ministry/findings" element={<FindingsPage />} />
      <Route path="ministry/cases" element={<CasesPage />} />
      <Route path="ministry/cases/new" element={<CaseNewPage />} />
      <Route path="ministry/cases/:id" element={<CasePage />} />
      <Route path="ministry/reports" element={<ReportsPage />} />
      <Route path="ministry/reports/:id" element={<ReportPage />} />
      <Route path="ministry/agreements" element={<AgreementsPage />} />
      <Route path="agreements/:id" element={<AgreementPage />} />
      <Route path="agreements" element={<Navigate to="/ministry/agreements" replace />} />
      <Route path="notifications" element={<NotificationsPage />} />
    </>
  );
}

/** The ministry officer's console (role MINISTRY). Agreements are read-only for officers (they are party to none). */
export default function MinistryRoutes() {
  return (
    <Routes>
      <Route index element={<Navigate to={ROLES.MINISTRY.home} replace />} />
      {monitoringRoutes()}
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
