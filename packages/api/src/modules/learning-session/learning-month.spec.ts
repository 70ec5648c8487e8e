import { describe, expect, it } from 'vitest';
import { daysInMonth, hoursOf, minutesBetween, monthName, previousMonth } from './learning-month.js';

describe('learning months', () => {
  it('names a month in Swedish and English', () => {
    expect(monthName('2026-03', 'sv')).toBe('Mars 2026');
    expect(monthName('2026-03', 'en')).toBe('March 2026');
  });

  it('steps back over a new year and counts days', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-10')).toBe('2026-09');
    expect(daysInMonth('2028-02')).toBe(29);
    expect(daysInMonth('2026-04')).toBe(30);
  });

  it('measures a session and shows hours to two decimals', () => {
    expect(minutesBetween('08:30', '10:15')).toBe(105);
    expect(hoursOf(105)).toBe(1.75);
    expect(hoursOf(100)).toBe(1.67);
  });
});
