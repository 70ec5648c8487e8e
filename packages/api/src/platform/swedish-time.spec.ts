import { describe, expect, it } from 'vitest';
import { todayInSweden } from './swedish-time.js';

describe('todayInSweden', () => {
  it('uses the Swedish calendar day, not the UTC one', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Sweden (UTC+1).
    expect(todayInSweden(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01');
    // 22:30 UTC on a summer day is 00:30 the next day in Sweden (UTC+2).
    expect(todayInSweden(new Date('2024-06-30T22:30:00Z'))).toBe('2024-07-01');
  });

  it('changes the day at Swedish midnight to the millisecond, however often it is asked within a minute', () => {
    expect(todayInSweden(new Date('2024-12-31T22:59:00.000Z'))).toBe('2024-12-31');
    expect(todayInSweden(new Date('2024-12-31T22:59:59.999Z'))).toBe('2024-12-31');
    expect(todayInSweden(new Date('2024-12-31T23:00:00.000Z'))).toBe('2025-01-01');
    expect(todayInSweden(new Date('2024-12-31T23:00:30.000Z'))).toBe('2025-01-01');
    expect(todayInSweden(new Date('2024-12-31T22:59:59.999Z'))).toBe('2024-12-31');
    expect(() => todayInSweden(new Date(Number.NaN))).toThrow(RangeError);
  });
});
