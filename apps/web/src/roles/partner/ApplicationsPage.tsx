import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { Applications } from './OpportunityPage';

/** Every application to the partner's opportunities. */
export default function PartnerApplicationsPage() {
  const { t } = useT();
  return (
    <>
      <PageHeader title={t('nav.applications')} subtitle={t('applications.subtitlePartner')} />
      <Applications />
    </>
  );
}
