import { SegmentedControl } from '@mantine/core';
import { setLanguage, useT } from '../i18n';

/** Bahasa Indonesia / English. */
export function LanguageSwitch() {
  const { t, lang } = useT();
  return (
    <SegmentedControl
      size="xs"
      value={lang}
      onChange={(v) => void setLanguage(v === 'en' ? 'en' : 'id')}
      aria-label={t('common.language')}
      data={[
        { value: 'id', label: <span aria-label="Bahasa Indonesia">ID</span> },
        { value: 'en', label: <span aria-label="English">EN</span> },
      ]}
    />
  );
}
