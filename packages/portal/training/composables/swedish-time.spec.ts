import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTimeRange, fromSwedishInput, toSwedishInput } from './swedish-time.js';

describe('Swedish time in the training pages', () => {
  it('shows instants in Swedish time, summer and winter', () => {
    expect(formatDateTime('2026-09-01T07:00:00Z')).toBe('2026-09-01 09:00');
    expect(formatDateTime('2026-12-01T23:30:00Z')).toBe('2026-12-02 00:30');
    expect(formatDate('2026-12-31T23:30:00Z')).toBe('2027-01-01');
    expect(formatTimeRange('2026-09-01T07:00:00Z', '2026-09-01T15:00:00Z')).toBe('2026-09-01 09:00–17:00');
    expect(formatTimeRange('2026-09-01T07:00:00Z', '2026-09-02T13:00:00Z')).toBe('2026-09-01 09:00 – 2026-09-02 15:00');
  });

  it('reads a datetime-local value as Swedish time, across the clock changes', () => {
    expect(fromSwedishInput('2026-09-01T09:00')?.toISOString()).toBe('2026-09-01T07:00:00.000Z');
    expect(fromSwedishInput('2026-01-20T13:00')?.toISOString()).toBe('2026-01-20T12:00:00.000Z');
    // 29 March 2026: 02:00 became 03:00; 25 October 2026: 03:00 became 02:00 (the first 02:30 is taken).
    expect(fromSwedishInput('2026-03-29T02:30')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(fromSwedishInput('2026-10-25T02:30')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(fromSwedishInput('not a time')).toBeNull();
    expect(toSwedishInput('2026-09-01T07:00:00Z')).toBe('2026-09-01T09:00');
  });
});
