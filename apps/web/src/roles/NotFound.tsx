import { Button, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { useT } from '../i18n';

export function NotFound() {
  const { t } = useT();
  return (
    <Stack>
      <PageHeader title={t('common.notFoundTitle')} />
      <Text>{t('common.notFound')}</Text>
      <div>
        <Button component={Link} to="/">
          {t('common.home')}
        </Button>
      </div>
    </Stack>
  );
}
