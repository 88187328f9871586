import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../test/utils';
import { ScoreBreakdown } from './ScoreBreakdown';

describe('ScoreBreakdown', () => {
  it('shows the score, one bar per part with its value, and the reasons', () => {
    renderPage(
      <ScoreBreakdown
        score={82.5}
        breakdown={{ sector: 1, location: 0.6, capacity: 0.333, certifications: 1, needs: 0.5, trackRecord: 0.5 }}
        reasons={['Sama sub-golongan KBLI 10794', 'Satu kabupaten dengan lokasi pekerjaan']}
      />,
    );
    expect(screen.getByLabelText('Skor kecocokan 82,5 dari 100').textContent).toBe('82,5');
    const group = screen.getByRole('group', { name: 'Rincian skor' });
    const bars = within(group).getAllByRole('progressbar');
    expect(bars).toHaveLength(6);
    const value = (name: string) => screen.getByRole('progressbar', { name }).getAttribute('aria-valuenow');
    expect(value('Bidang usaha (KBLI)')).toBe('100');
    expect(value('Lokasi')).toBe('60');
    expect(value('Kapasitas')).toBe('33');
    expect(value('Kebutuhan terjawab')).toBe('50');
    expect(screen.getByText('(bobot 30%)')).toBeTruthy();
    expect(screen.getByText('Sama sub-golongan KBLI 10794')).toBeTruthy();
    expect(screen.getByText('Satu kabupaten dengan lokasi pekerjaan')).toBeTruthy();
  });

  it('clamps parts outside 0–1 and shows no reasons section without reasons', () => {
    renderPage(<ScoreBreakdown score={0} breakdown={{ sector: 1.4, location: -1, capacity: 0, certifications: 0, needs: 0, trackRecord: 0 }} />);
    expect(screen.getByRole('progressbar', { name: 'Bidang usaha (KBLI)' }).getAttribute('aria-valuenow')).toBe('100');
    expect(screen.getByRole('progressbar', { name: 'Lokasi' }).getAttribute('aria-valuenow')).toBe('0');
    expect(screen.queryByText('Alasan')).toBeNull();
  });
});
