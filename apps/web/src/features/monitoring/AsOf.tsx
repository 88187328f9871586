import { Group, Text, Tooltip } from '@mantine/core';
import { useT } from '../../i18n';
import { intlLocale } from '../../lib/format';
import { useFormat } from '../../lib/useFormat';

/** "5 minutes ago" in the UI language. */
export function relativeTime(iso: string, lang: 'id' | 'en', now = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(intlLocale(lang), { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(seconds, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86_400), 'day');
}

/**
 * How fresh the figures are: the snapshot's instant (`asOf`) in the officer's zone, and how long ago.
 * Figures are a snapshot the worker takes every five minutes, so an officer can tell what "now" means.
 */
export function AsOf({ asOf, kind = 'figures' }: { asOf: string | null | undefined; kind?: 'figures' | 'rules' }) {
  const { t } = useT();
  const f = useFormat();
  if (!asOf) {
    return (
      <Text size="sm" c="dimmed" data-testid="as-of">
        {kind === 'rules' ? t('monitoring.asOf.rulesNever') : t('monitoring.asOf.unknown')}
      </Text>
    );
  }
  return (
    <Group gap={4} wrap="wrap">
      <Tooltip label={t('monitoring.asOf.hint')} multiline w={260} events={{ hover: true, focus: true, touch: true }}>
        <Text size="sm" c="dimmed" data-testid="as-of" tabIndex={0}>
          {kind === 'rules'
            ? t('monitoring.asOf.rules', { when: f.dateTime(asOf) })
            : t('monitoring.asOf.figures', { when: f.dateTime(asOf) })}{' '}
          ({relativeTime(asOf, f.lang)})
        </Text>
      </Tooltip>
    </Group>
  );
}
