import { Navigate, Route, Routes } from 'react-router';
import AgreementPage from '../../features/agreements/AgreementPage';
import AgreementsPage from '../../features/agreements/AgreementsPage';
import NotificationsPage from '../../features/notifications/NotificationsPage';
import ProfilePage from '../../features/organization/ProfilePage';
import { NotFound } from '../NotFound';
import { ROLES } from '../registry';
import ApplicationsPage from './ApplicationsPage';
import OpportunitiesPage from './OpportunitiesPage';
import OpportunityPage from './OpportunityPage';
import RecommendationsPage from './RecommendationsPage';

/** The small firm's console (role ENTERPRISE). */
export default function EnterpriseRoutes() {
  return (
    <Routes>
      <Route index element={<Navigate to={ROLES.ENTERPRISE.home} replace />} />
      <Route path="recommendations" element={<RecommendationsPage />} />
      <Route path="opportunities" element={<OpportunitiesPage />} />
      <Route path="opportunities/:id" element={<OpportunityPage />} />
      <Route path="applications" element={<ApplicationsPage />} />
      <Route path="agreements" element={<AgreementsPage />} />
      <Route path="agreements/:id" element={<AgreementPage />} />
      <Route path="notifications" element={<NotificationsPage />} />
      <Route path="profile" element={<ProfilePage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
