import { afterEach, describe, expect, it } from 'vitest';
import { withoutFeedToken } from './calendar.routes.js';
import { offeringCalendar, type CalendarSession } from './offering-calendar.js';

const session = (overrides: Partial<CalendarSession> = {}): CalendarSession => ({
  id: '2b1f6d2e-0d6a-4c1e-9a57-0d8e3f1c2a11',
  offeringName: 'Ledarutbildning – Omgång 1',
  title: 'Dag 2',
  startsAt: new Date('2026-10-29T08:00:00Z'),
  endsAt: new Date('2026-10-29T15:00:00Z'),
  venue: null,
  onlineUrl: null,
  residential: false,
  cancelled: false,
  sequence: 0,
  lastModified: new Date('2026-09-01T10:00:00Z'),
  ...overrides,
});

const originalZone = process.env.TZ;
afterEach(() => {
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
});

describe('offeringCalendar', () => {
  it("writes Swedish wall times whatever the server's own time zone", () => {
    for (const zone of ['UTC', 'America/New_York', 'Asia/Tokyo']) {
      process.env.TZ = zone;
      const text = offeringCalendar({ name: 'Test', sessions: [session()] });
      expect([zone, text]).toEqual([zone, expect.stringContaining('DTSTART;TZID=Europe/Stockholm:20261029T090000\r\n')]);
      expect(text).toContain('DTEND;TZID=Europe/Stockholm:20261029T160000\r\n');
      // Stamps are UTC, as RFC 5545 requires.
      expect(text).toContain('DTSTAMP:20260901T100000Z\r\n');
    }
  });

  it('is the same text for the same sessions, so an unchanged feed keeps its ETag', () => {
    const sessions = [session(), session({ id: '9c0e3b55-3a54-4c39-8f0e-7f8f5a0d9b22', cancelled: true })];
    expect(offeringCalendar({ name: 'Test', sessions })).toBe(offeringCalendar({ name: 'Test', sessions }));
    expect(offeringCalendar({ name: 'Test', sessions })).toContain('STATUS:CANCELLED');
  });
});

describe('withoutFeedToken', () => {
  it('keeps feed tokens out of logged URLs', () => {
    expect(withoutFeedToken('/calendar/abcDEF_-123.ics?x=1')).toBe('/calendar/[token]?x=1');
    expect(withoutFeedToken('/graphql')).toBe('/graphql');
  });
});
