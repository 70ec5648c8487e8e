import { describe, expect, it } from 'vitest';
import { monthRange } from './dashboard-range.js';

describe('monthRange', () => {
  it('is the twelve months ending with this month by default', () => {
    const range = monthRange(null, null, '2026-12-01');
    expect([range.from, range.to, range.months.length]).toEqual(['2026-01', '2026-12', 12]);
    expect(monthRange(null, null, '2026-03-15').months.slice(0, 3)).toEqual(['2025-04', '2025-05', '2025-06']);
  });

  it('takes the months given, across a new year', () => {
    expect(monthRange('2025-11', '2026-02', '2026-12-01').months).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthRange(null, '2026-02', '2026-12-01').from).toBe('2025-03');
  });

  it.each([
    ['2026-13', '2026-12', 'from'],
    ['2026-1', '2026-12', 'from'],
    ['2026-01', 'december', 'to'],
    ['2026-05', '2026-04', 'from'],
    ['2010-01', '2026-04', 'from'],
  ])('refuses from %s to %s, naming %s', (from, to, argumentName) => {
    expect(() => monthRange(from, to, '2026-12-01')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { argumentName } }),
    );
  });
});
