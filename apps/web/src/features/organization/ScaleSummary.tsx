import { Badge, Group, Stack, Text } from '@mantine/core';
import type { Organization } from '../../api/types';
import { enumLabel } from '../../components/StatusBadge';
import { useT } from '../../i18n';

const REGIMES: Record<string, string> = {
  'pp-7-2021': 'PP No. 7/2021',
  'uu-20-2008': 'UU No. 20/2008',
  'uu-9-1995': 'UU No. 9/1995',
};

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The size class the API computed, the regime that produced it and the measure that decided it. */
export function ScaleSummary({ org }: { org: Pick<Organization, 'scale' | 'scaleRegime' | 'scaleBasis'> }) {
  const { t } = useT();
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text fw={600}>{t('org.scale')}:</Text>
        <Badge size="lg" variant="filled" data-testid="scale">
          {enumLabel(t, 'scale', org.scale)}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {t('org.scaleBy', {
          regime: REGIMES[org.scaleRegime] ?? org.scaleRegime,
          basis: lowerFirst(org.scaleBasis === 'netAssets' ? t('org.netAssets') : org.scaleBasis === 'annualSales' ? t('org.annualSales') : t('org.basisUnknown')),
        })}
      </Text>
    </Stack>
  );
}
