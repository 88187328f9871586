import type { Notification, Role } from '../../api/types';

/** Where a notification leads in the console (the page that shows the thing it is about). */
export function notificationLink(n: Notification, role: Role): string | null {
  const data = (n.data ?? {}) as Record<string, unknown>;
  const agreementId = typeof data.agreementId === 'string' ? data.agreementId : null;
  const opportunityId = typeof data.opportunityId === 'string' ? data.opportunityId : null;
  switch (n.entityType) {
    case 'agreement':
      return n.entityId ? `/agreements/${n.entityId}` : '/agreements';
    case 'opportunity':
      return n.entityId ? `/opportunities/${n.entityId}` : null;
    case 'application':
      if (role === 'PARTNER' && opportunityId) return `/opportunities/${opportunityId}?tab=applications`;
      return '/applications';
    case 'obligation':
    case 'progress_report':
      if (role === 'PARTNER') return agreementId ? `/agreements/${agreementId}` : '/obligations';
      return agreementId ? `/agreements/${agreementId}` : null;
    case 'coaching_session':
    case 'commitment':
      return agreementId ? `/agreements/${agreementId}` : '/agreements';
    default:
      return agreementId ? `/agreements/${agreementId}` : null;
  }
}
