import { Group, List, Progress, Stack, Text } from '@mantine/core';
import type { Breakdown } from '../api/types';
import { useT } from '../i18n';
import { formatNumber } from '../lib/format';

/** The parts of the match score and their weights (README, Matching; libs/matching/src/scoring.ts). */
export const SCORE_PARTS: ReadonlyArray<{ key: keyof Breakdown; weight: number }> = [
  { key: 'sector', weight: 0.3 },
  { key: 'location', weight: 0.2 },
  { key: 'capacity', weight: 0.15 },
  { key: 'certifications', weight: 0.1 },
  { key: 'needs', weight: 0.15 },
  { key: 'trackRecord', weight: 0.1 },
];

const color = (v: number) => (v >= 0.75 ? 'teal' : v >= 0.4 ? 'yellow' : 'red');

/** The 0–100 score, one bar per part (0–1 each, with its weight) and the API's reasons. */
export function ScoreBreakdown({ score, breakdown, reasons, compact = false }: { score: number; breakdown: Breakdown; reasons?: string[]; compact?: boolean }) {
  const { t, lang } = useT();
  return (
    <Stack gap="xs">
      <Group gap="xs" align="baseline">
        <Text fw={700} size="xl" aria-label={t('score.total', { score: formatNumber(score, lang) })}>
          {formatNumber(score, lang)}
        </Text>
        <Text c="dimmed" size="sm" aria-hidden>
          / 100
        </Text>
      </Group>
      <Stack gap={6} aria-label={t('score.breakdown')} role="group">
        {SCORE_PARTS.map(({ key, weight }) => {
          const v = Math.max(0, Math.min(1, breakdown[key] ?? 0));
          const pct = Math.round(v * 100);
          const label = t(`score.part.${key}`);
          return (
            <div key={key}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm">
                  {label}{' '}
                  <Text span c="dimmed" size="xs">
                    ({t('score.weight', { weight: Math.round(weight * 100) })})
                  </Text>
                </Text>
                <Text size="sm" fw={600}>
                  {pct}%
                </Text>
              </Group>
              <Progress
                value={pct}
                color={color(v)}
                size={compact ? 'sm' : 'md'}
                aria-label={label}
              />
            </div>
          );
        })}
      </Stack>
      {reasons && reasons.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            {t('score.reasons')}
          </Text>
          <List size="sm" spacing={2}>
            {reasons.map((r) => (
              <List.Item key={r}>{r}</List.Item>
            ))}
          </List>
        </div>
      )}
    </Stack>
  );
}
