import { useState } from 'react';
import { Button, Menu } from '@mantine/core';
import { api, unwrap } from '../../api/client';
import { useT } from '../../i18n';
import { notifyError, notifySuccess } from '../../lib/notify';
import { filterQuery } from './api';
import type { MonitoringFilter } from './filters';

export type ExportKind = 'csv-agreements' | 'csv-obligations' | 'ocds';

/** The file name the API gives in Content-Disposition, else a sensible one. */
export function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain ? plain[1] : fallback;
}

/** Saves a blob under a name through a temporary link (works in every browser without a new window). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * GET /monitoring/export with the officer's bearer token (the API client adds and refreshes it), read
 * as a blob and saved under the API's file name.
 */
export async function downloadExport(kind: ExportKind, f: MonitoringFilter): Promise<string> {
  const query =
    kind === 'ocds'
      ? { ...filterQuery(f), format: 'ocds' as const }
      : {
          ...filterQuery(f),
          format: 'csv' as const,
          dataset: kind === 'csv-agreements' ? ('agreements' as const) : ('obligations' as const),
        };
  let response: Response | undefined;
  const blob = await unwrap(
    api.GET('/api/v1/monitoring/export', { params: { query }, parseAs: 'blob' }).then((r) => {
      response = r.response;
      return r;
    }),
  );
  const ext = kind === 'ocds' ? 'json' : 'csv';
  const name = fileNameOf(response!, `jalin-${kind}.${ext}`);
  saveBlob(blob as Blob, name);
  return name;
}

/** "Unduh" menu: agreements CSV, obligations CSV, OCDS release package — under the current filters. */
export function ExportMenu({ filter }: { filter: MonitoringFilter }) {
  const { t } = useT();
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const run = async (kind: ExportKind) => {
    setBusy(kind);
    try {
      const name = await downloadExport(kind, filter);
      notifySuccess(t('monitoring.export.saved', { name }));
    } catch (err) {
      notifyError(err, t);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="light" loading={busy !== null}>
          {t('monitoring.export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('monitoring.export.filtered')}</Menu.Label>
        <Menu.Item onClick={() => void run('csv-agreements')}>{t('monitoring.export.csvAgreements')}</Menu.Item>
        <Menu.Item onClick={() => void run('csv-obligations')}>{t('monitoring.export.csvObligations')}</Menu.Item>
        <Menu.Item onClick={() => void run('ocds')}>{t('monitoring.export.ocds')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
