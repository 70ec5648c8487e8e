import { describe, expect, it } from 'vitest';
import { formatMonth, monthOrNull } from './months.js';

describe('months', () => {
  it('names months in Swedish and English', () => {
    expect(formatMonth('2026-01', 'sv')).toBe('januari 2026');
    expect(formatMonth('2026-12', 'en')).toBe('December 2026');
    expect(formatMonth('2026-03', 'sv', 'short')).toMatch(/^mars 2026$/);
  });

  it('takes only YYYY-MM from the URL', () => {
    expect([monthOrNull('2026-05'), monthOrNull('2026-13'), monthOrNull(['2026-05']), monthOrNull(undefined)]).toEqual([
      '2026-05',
      null,
      null,
      null,
    ]);
  });
});
