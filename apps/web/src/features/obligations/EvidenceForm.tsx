import { useState } from 'react';
import { Box, Button, FileInput, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { api, unwrap } from '../../api/client';
import type { Obligation } from '../../api/types';
import { FormProblem } from '../../components/FormProblem';
import { useT } from '../../i18n';
import { useForm } from '../../lib/form';

/** Evidence for an obligation: a file (PDF, JPEG, PNG) and/or a note or link, sent as multipart. */
export function EvidenceForm({ obligation, onDone }: { obligation: Obligation; onDone: (o: Obligation) => void }) {
  const { t } = useT();
  const form = useForm<{ file: File | null; note: string; url: string }>({ file: null, note: '', url: '' });
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    form.clear();
    const { file, note, url } = form.values;
    if (!file && !note.trim() && !url.trim()) {
      form.setProblem({ title: t('evidence.nothing') });
      return;
    }
    const data = new FormData();
    data.append('version', String(obligation.version));
    if (note.trim()) data.append('note', note.trim());
    if (url.trim()) data.append('url', url.trim());
    if (file) data.append('file', file, file.name);
    setBusy(true);
    try {
      const saved = await unwrap(
        api.POST('/api/v1/obligations/{id}/evidence', {
          params: { path: { id: obligation.id } },
          body: data as never,
          bodySerializer: (b: unknown) => b as FormData,
        }),
      );
      onDone(saved);
    } catch (err) {
      form.fail(err, t);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box component="form" onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FileInput
          label={t('evidence.file')}
          description={t('evidence.fileHint')}
          accept="application/pdf,image/jpeg,image/png"
          clearable
          value={form.values.file}
          onChange={(f) => form.set('file', f)}
          error={form.errors.file}
        />
        <Textarea label={t('evidence.note')} autosize minRows={2} value={form.values.note} onChange={(e) => form.set('note', e.currentTarget.value)} error={form.errors.note} />
        <TextInput label={t('evidence.url')} type="url" inputMode="url" placeholder="https://" value={form.values.url} onChange={(e) => form.set('url', e.currentTarget.value)} error={form.errors.url} />
        <FormProblem problem={form.problem} />
        <Group>
          <Button type="submit" loading={busy}>
            {t('evidence.submit')}
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}
