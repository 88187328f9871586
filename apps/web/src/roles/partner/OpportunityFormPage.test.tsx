import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderPage } from '../../../test/utils';
import { allowedSupport, NewOpportunityPage } from './OpportunityFormPage';

describe('opportunity form: support offered follows the pattern', () => {
  it('offers Pasal 4 types for SUBCONTRACT and Pasal 3 types for INTI_PLASMA, dropping what no longer fits', async () => {
    mockFetch((_req, url) => (url.pathname === '/api/v1/reference/regions' ? json({ items: [] }) : undefined));
    const user = userEvent.setup();
    renderPage(
      <Routes>
        <Route path="/opportunities/new" element={<NewOpportunityPage />} />
      </Routes>,
      { route: '/opportunities/new' },
    );
    const support = () => screen.getByRole('group', { name: /Dukungan yang ditawarkan/ });
    const labels = () => Array.from(support().querySelectorAll('input[type=checkbox]')).map((i) => (i as HTMLInputElement).value);

    expect(labels()).toEqual(['PRODUCTION_WORK', 'RAW_MATERIAL_SUPPLY', 'TECHNICAL_GUIDANCE', 'TECHNOLOGY', 'FINANCING']);
    await user.click(screen.getByRole('checkbox', { name: 'Pasokan bahan baku berkesinambungan' }));
    await user.click(screen.getByRole('checkbox', { name: 'Pembiayaan' }));

    await user.click(screen.getByRole('radio', { name: /Inti-plasma/ }));
    expect(labels()).toEqual(['LAND', 'PRODUCTION_INPUTS', 'TECHNICAL_GUIDANCE', 'TECHNOLOGY', 'FINANCING', 'OTHER_ASSISTANCE']);
    expect(screen.queryByRole('checkbox', { name: 'Pasokan bahan baku berkesinambungan' })).toBeNull();
    // FINANCING is allowed under both patterns and stays chosen.
    expect((screen.getByRole('checkbox', { name: 'Pembiayaan' }) as HTMLInputElement).checked).toBe(true);
  });

  it('allowedSupport keeps only the pattern’s types', () => {
    expect(allowedSupport('INTI_PLASMA', ['LAND', 'PRODUCTION_WORK', 'FINANCING'])).toEqual(['LAND', 'FINANCING']);
    expect(allowedSupport('SUBCONTRACT', ['LAND', 'PRODUCTION_WORK'])).toEqual(['PRODUCTION_WORK']);
  });
});
