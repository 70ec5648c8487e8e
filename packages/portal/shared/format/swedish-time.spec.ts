import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatDateTimeWithSeconds,
  formatLocalDate,
  formatLongDate,
  formatMoment,
  formatOfferExpiry,
  formatTime,
  formatTimeRange,
  fromSwedishInput,
  fromSwedishParts,
  startOfSwedishDay,
  swedishYear,
  todayInSweden,
  toSwedishInput,
  toSwedishParts,
} from './swedish-time.js';

describe('Swedish time', () => {
  it('shows instants in Swedish time, summer and winter, and leaves a LocalDate as it is', () => {
    expect(formatDateTime('2026-09-01T07:00:00Z')).toBe('2026-09-01 09:00');
    expect(formatDateTime('2026-12-01T23:30:00Z')).toBe('2026-12-02 00:30');
    expect(formatDateTime(null)).toBe('');
    expect(formatDate('2026-12-31T23:30:00Z')).toBe('2027-01-01');
    expect(formatDate('2026-12-31')).toBe('2026-12-31');
    expect(formatDate(undefined)).toBe('');
    expect(formatDateTimeWithSeconds('2026-12-01T12:00:05Z')).toBe('2026-12-01 13:00:05');
    expect(formatTime('2027-06-15T11:00:00Z')).toBe('13:00');
    expect(formatTimeRange('2026-09-01T07:00:00Z', '2026-09-01T15:00:00Z')).toBe('2026-09-01 09:00–17:00');
    expect(formatTimeRange('2026-09-01T07:00:00Z', '2026-09-02T13:00:00Z')).toBe('2026-09-01 09:00 – 2026-09-02 15:00');
    expect(todayInSweden(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(swedishYear(new Date('2026-12-31T23:30:00Z'))).toBe(2027);
  });

  it('reads date and time inputs as Swedish time, across the clock changes', () => {
    expect(fromSwedishParts('2027-01-15', '13:00')).toBe('2027-01-15T12:00:00.000Z');
    expect(fromSwedishParts('2027-06-15', '13:00')).toBe('2027-06-15T11:00:00.000Z');
    expect(fromSwedishParts('2027-03-28', '03:30')).toBe('2027-03-28T01:30:00.000Z');
    expect(fromSwedishParts('2027-10-31', '12:00')).toBe('2027-10-31T11:00:00.000Z');
    expect(fromSwedishInput('2026-09-01T09:00')?.toISOString()).toBe('2026-09-01T07:00:00.000Z');
    expect(fromSwedishInput('2026-01-20T13:00')?.toISOString()).toBe('2026-01-20T12:00:00.000Z');
    // 29 March 2026: 02:00 became 03:00; 25 October 2026: 03:00 became 02:00 (the first 02:30 is taken).
    expect(fromSwedishInput('2026-03-29T02:30')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(fromSwedishInput('2026-10-25T02:30')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(toSwedishInput('2026-09-01T07:00:00Z')).toBe('2026-09-01T09:00');
    expect(toSwedishParts('2027-01-15T12:00:00Z')).toEqual({ date: '2027-01-15', time: '13:00' });
  });

  it('refuses what is not a date or a time', () => {
    expect(fromSwedishParts('2027-02-30', '10:00')).toBeNull();
    expect(fromSwedishParts('15/1/2027', '10:00')).toBeNull();
    expect(fromSwedishParts('2027-01-15', '')).toBeNull();
    expect(fromSwedishInput('not a time')).toBeNull();
    expect(startOfSwedishDay('2026-02-30')).toBeNull();
  });

  it('starts a Swedish day at midnight Swedish time, in winter and in summer, and the next day for an inclusive end', () => {
    expect(startOfSwedishDay('2026-12-01')).toBe('2026-11-30T23:00:00.000Z');
    expect(startOfSwedishDay('2026-06-01')).toBe('2026-05-31T22:00:00.000Z');
    expect(startOfSwedishDay('2026-12-31', 1)).toBe('2026-12-31T23:00:00.000Z');
  });

  it('words an instant in the chosen language', () => {
    expect(formatMoment('2026-12-03T13:00:00Z', 'sv')).toBe('3 december 2026 kl. 14:00');
    expect(formatMoment('2026-12-03T13:00:00Z', 'sv', 'short')).toBe('2026-12-03 14:00');
    expect(formatLongDate('2026-12-03T13:00:00Z', 'en')).toBe('3 December 2026');
    expect(formatLocalDate('2025-12-31', 'sv')).toBe('2025-12-31');
    expect(formatLocalDate('2025-12-31', 'en')).toBe('31 Dec 2025');
    const now = new Date('2026-12-01T09:00:00Z');
    expect(formatOfferExpiry('2026-12-03T13:00:00Z', 'sv', now)).toBe('torsdag 14:00');
    expect(formatOfferExpiry('2026-12-10T13:00:00Z', 'sv', now)).toBe('torsdag 10 december kl. 14:00');
  });
});
