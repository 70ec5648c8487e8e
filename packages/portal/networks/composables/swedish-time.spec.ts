import { describe, expect, it } from 'vitest';
import { formatTime, fromSwedishParts, toSwedishParts } from './swedish-time.js';

describe('Swedish time', () => {
  it('reads a date and time of day in Sweden as the right instant in winter and in summer', () => {
    expect(fromSwedishParts('2027-01-15', '13:00')).toBe('2027-01-15T12:00:00.000Z');
    expect(fromSwedishParts('2027-06-15', '13:00')).toBe('2027-06-15T11:00:00.000Z');
    // The night summer time starts (02:00 → 03:00) and the one it ends.
    expect(fromSwedishParts('2027-03-28', '03:30')).toBe('2027-03-28T01:30:00.000Z');
    expect(fromSwedishParts('2027-10-31', '12:00')).toBe('2027-10-31T11:00:00.000Z');
  });

  it('refuses what is not a date or a time', () => {
    expect(fromSwedishParts('2027-02-30', '10:00')).toBeNull();
    expect(fromSwedishParts('15/1/2027', '10:00')).toBeNull();
    expect(fromSwedishParts('2027-01-15', '')).toBeNull();
  });

  it('gives an instant back as form values in Swedish time', () => {
    expect(formatTime('2027-06-15T11:00:00Z')).toBe('13:00');
    expect(toSwedishParts('2027-01-15T12:00:00Z')).toEqual({ date: '2027-01-15', time: '13:00' });
  });
});
