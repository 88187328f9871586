import { monthsBetween, planWindow } from './window.js';

describe('planWindow', () => {
  it('reads everything from the cells when no dates are given', () => {
    expect(planWindow(null, null)).toEqual({ cells: { from: null, to: null }, facts: [] });
  });

  it('reads whole months from the cells only', () => {
    expect(planWindow('2025-01-01', '2025-03-31')).toEqual({ cells: { from: '2025-01-01', to: '2025-03-01' }, facts: [] });
  });

  it('takes partial months at either edge from the facts', () => {
    expect(planWindow('2025-01-15', '2025-04-10')).toEqual({
      cells: { from: '2025-02-01', to: '2025-03-01' },
      facts: [
        { from: '2025-01-15', to: '2025-01-31' },
        { from: '2025-04-01', to: '2025-04-10' },
      ],
    });
  });

  it('handles open-ended windows', () => {
    expect(planWindow('2024-02-29', null)).toEqual({ cells: { from: '2024-03-01', to: null }, facts: [{ from: '2024-02-29', to: '2024-02-29' }] });
    expect(planWindow(null, '2024-02-28')).toEqual({ cells: { from: null, to: '2024-01-01' }, facts: [{ from: '2024-02-01', to: '2024-02-28' }] });
    expect(planWindow(null, '2024-02-29')).toEqual({ cells: { from: null, to: '2024-02-01' }, facts: [] });
  });

  it('reads a window inside one month (or two partial ones) from the facts alone', () => {
    expect(planWindow('2025-05-02', '2025-05-30')).toEqual({ cells: null, facts: [{ from: '2025-05-02', to: '2025-05-30' }] });
    expect(planWindow('2025-05-02', '2025-06-03')).toEqual({ cells: null, facts: [{ from: '2025-05-02', to: '2025-06-03' }] });
    expect(planWindow('2025-12-15', '2026-01-31')).toEqual({ cells: { from: '2026-01-01', to: '2026-01-01' }, facts: [{ from: '2025-12-15', to: '2025-12-31' }] });
  });

  it('reads all from the facts when the cells cannot apply a filter', () => {
    expect(planWindow('2025-01-01', '2025-12-31', false)).toEqual({ cells: null, facts: [{ from: '2025-01-01', to: '2025-12-31' }] });
    expect(planWindow(null, null, false)).toEqual({ cells: null, facts: [{ from: null, to: null }] });
  });
});

describe('monthsBetween', () => {
  it('lists months inclusively across a year end', () => {
    expect(monthsBetween('2024-11-20', '2025-02-01')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthsBetween('2025-03', '2025-03')).toEqual(['2025-03']);
    expect(monthsBetween('2025-04', '2025-03')).toEqual([]);
  });
});
