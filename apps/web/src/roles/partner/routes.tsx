import { Navigate, Route, Routes } from 'react-router';
import AgreementPage from '../../features/agreements/AgreementPage';
import AgreementsPage from '../../features/agreements/AgreementsPage';
import NotificationsPage from '../../features/notifications/NotificationsPage';
import ProfilePage from '../../features/organization/ProfilePage';
import { NotFound } from '../NotFound';
import { ROLES } from '../registry';
import PartnerApplicationsPage from './ApplicationsPage';
import NewAgreementPage from './NewAgreementPage';
import ObligationsPage from './ObligationsPage';
import PartnerOpportunitiesPage from './OpportunitiesPage';
import { EditOpportunityPage, NewOpportunityPage } from './OpportunityFormPage';
import PartnerOpportunityPage from './OpportunityPage';
import ReportPage from './ReportPage';
import SessionsPage from './SessionsPage';

/** The partner's console (role PARTNER). */
export default function PartnerRoutes() {
  return (
    <Routes>
      <Route index element={<Navigate to={ROLES.PARTNER.home} replace />} />
      <Route path="opportunities" element={<PartnerOpportunitiesPage />} />
      <Route path="opportunities/new" element={<NewOpportunityPage />} />
      <Route path="opportunities/:id" element={<PartnerOpportunityPage />} />
      <Route path="opportunities/:id/edit" element={<EditOpportunityPage />} />
      <Route path="applications" element={<PartnerApplicationsPage />} />
      <Route path="agreements" element={<AgreementsPage />} />
      <Route path="agreements/new" element={<NewAgreementPage />} />
      <Route path="agreements/:id" element={<AgreementPage />} />
      <Route path="agreements/:id/report" element={<ReportPage />} />
      <Route path="obligations" element={<ObligationsPage />} />
      <Route path="sessions" element={<SessionsPage />} />
      <Route path="notifications" element={<NotificationsPage />} />
      <Route path="profile" element={<ProfilePage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
