import { describe, expect, it } from 'vitest';
import { formatDateTimeWithSeconds, startOfSwedishDay, swedishDay } from './swedish-time.js';

describe('Swedish days for the audit filter', () => {
  it('start at midnight Swedish time, in winter and in summer, and the next day for an inclusive end', () => {
    expect(startOfSwedishDay('2026-12-01')).toBe('2026-11-30T23:00:00.000Z');
    expect(startOfSwedishDay('2026-06-01')).toBe('2026-05-31T22:00:00.000Z');
    expect(startOfSwedishDay('2026-12-31', 1)).toBe('2026-12-31T23:00:00.000Z');
    expect(startOfSwedishDay('2026-02-30')).toBeNull();
  });

  it('show an instant in Swedish time with seconds, and its Swedish day', () => {
    expect(formatDateTimeWithSeconds('2026-12-01T12:00:05Z')).toBe('2026-12-01 13:00:05');
    expect(swedishDay('2026-12-31T23:30:00Z')).toBe('2027-01-01');
  });
});
