import { Badge } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useT } from '../i18n';

/** Groups of labelled codes in the i18n files (`enum.<group>.<CODE>`). */
export type EnumGroup =
  | 'pattern'
  | 'scale'
  | 'need'
  | 'support'
  | 'aspect'
  | 'activity'
  | 'period'
  | 'reportingPeriod'
  | 'opportunityStatus'
  | 'applicationStatus'
  | 'agreementStatus'
  | 'termsStatus'
  | 'obligationStatus'
  | 'obligationType'
  | 'sessionStatus'
  | 'commitmentStatus'
  | 'reportStatus'
  | 'disputeKind'
  | 'certification'
  | 'orgKind'
  | 'role';

/** The label of a code, or the code itself when the UI does not know it (a newer API value). */
export function enumLabel(t: TFunction, group: EnumGroup, value: string | null | undefined): string {
  if (!value) return '—';
  return t(`enum.${group}.${value}` as never, { defaultValue: value });
}

const COLORS: Record<string, string> = {
  DRAFT: 'gray',
  OPEN: 'teal',
  CLOSED: 'gray',
  INVITED: 'grape',
  DECLINED: 'gray',
  SUBMITTED: 'blue',
  SHORTLISTED: 'cyan',
  ACCEPTED: 'teal',
  REJECTED: 'red',
  WITHDRAWN: 'gray',
  AWAITING_SIGNATURES: 'yellow',
  IN_FORCE: 'teal',
  SUPERSEDED: 'gray',
  ACTIVE: 'teal',
  COMPLETED: 'blue',
  TERMINATED: 'red',
  UPCOMING: 'blue',
  DUE: 'orange',
  OVERDUE: 'red',
  FULFILLED: 'teal',
  WAIVED: 'gray',
  CANCELLED: 'gray',
  SCHEDULED: 'blue',
  HELD: 'cyan',
  CONFIRMED: 'teal',
  DISPUTED: 'red',
  PENDING: 'yellow',
  REVISION_REQUESTED: 'orange',
  RESUBMITTED: 'blue',
};

export function StatusBadge({ group, value }: { group: EnumGroup; value: string }) {
  const { t } = useT();
  return (
    <Badge color={COLORS[value] ?? 'gray'} variant="light" radius="sm" style={{ flexShrink: 0 }}>
      {enumLabel(t, group, value)}
    </Badge>
  );
}
