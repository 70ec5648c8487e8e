import { describe, expect, it } from 'vitest';
import { Language } from '../person/person.entity.js';
import { NotificationKind } from './notification.entity.js';
import { formatMoment, renderNotification, type NotificationData } from './notification.templates.js';

const EVERYTHING: NotificationData = {
  offeringName: 'Ledarutbildning, omgång 1',
  waitlistPosition: 4,
  offerExpiresAt: new Date('2026-12-01T16:00:00Z'),
  firstSessionStartsAt: new Date('2026-12-03T08:30:00Z'),
  meetingStartsAt: new Date('2026-06-10T12:00:00Z'),
  reason: 'Omgången ställdes in.',
  resetUrl: 'https://evikomp.example.se/reset-password/a-one-time-code',
  changedSession: {
    title: 'Dag 2',
    startsAt: new Date('2026-12-03T08:30:00Z'),
    endsAt: new Date('2026-12-03T15:00:00Z'),
    venue: 'Konsert & Kongress, Linköping',
    onlineUrl: null,
  },
  resetExpiresAt: new Date('2026-12-01T16:00:00Z'),
  invitationUrl: 'https://evikomp.example.se/invitation/a-one-time-code',
  invitationExpiresAt: new Date('2026-12-08T16:00:00Z'),
  invitedByName: 'Anna Lindqvist',
  lockedUntil: new Date('2026-12-01T16:15:00Z'),
  forgotPasswordUrl: 'https://evikomp.example.se/forgot-password',
  monthName: { sv: 'november 2026', en: 'November 2026' },
  workplaceName: 'Hemtjänst Rimforsa',
  hours: 7.5,
  participantCount: 6,
};

describe('notification texts', () => {
  it.each(Object.values(NotificationKind))('has a Swedish and an English text for %s', (kind) => {
    const sv = renderNotification(kind, EVERYTHING, Language.SV);
    const en = renderNotification(kind, EVERYTHING, Language.EN);
    for (const text of [sv, en]) {
      expect(text.subject.length).toBeGreaterThan(5);
      expect(text.body).not.toMatch(/undefined|null|NaN/);
    }
    expect(sv.subject).not.toBe(en.subject);
    expect(sv.body).toContain('Evikomp');
  });

  it('formats moments in Swedish time (summer and winter alike)', () => {
    expect(formatMoment(new Date('2026-12-03T08:30:00Z'), Language.SV)).toBe('torsdag 3 december 2026 kl. 09:30');
    expect(formatMoment(new Date('2026-06-10T12:00:00Z'), Language.SV)).toBe('onsdag 10 juni 2026 kl. 14:00');
    expect(formatMoment(new Date('2026-06-10T12:00:00Z'), Language.EN)).toMatch(/Wednesday,? 10 June 2026 at 14:00/);
  });

  it('leaves out what is optional and tells the position in the queue', () => {
    const text = renderNotification(
      NotificationKind.REGISTRATION_WAITLISTED,
      { offeringName: 'Omgång 2', waitlistPosition: 3 },
      Language.SV,
    );
    expect(text).toEqual({
      subject: 'Du står i kö: Omgång 2',
      body: expect.stringContaining('Omgång 2 är fullbokad, så du står i kö som nummer 3.'),
      html: expect.stringContaining('<p>Omgång 2 är fullbokad, så du står i kö som nummer 3.</p>'),
    });
    expect(renderNotification(NotificationKind.REGISTRATION_CANCELLED, { offeringName: 'Omgång 2' }, Language.EN).body).not.toContain(
      'Reason',
    );
  });

  it('sends links, not bare codes, for invitations and password resets', () => {
    const invitation = renderNotification(NotificationKind.ACCOUNT_INVITATION, EVERYTHING, Language.SV);
    expect(invitation.body).toContain('Anna Lindqvist har bjudit in dig');
    expect(invitation.body).toContain('\nhttps://evikomp.example.se/invitation/a-one-time-code\n');
    expect(invitation.body).toContain('till tisdag 8 december 2026 kl. 17:00');
    const reset = renderNotification(NotificationKind.PASSWORD_RESET, EVERYTHING, Language.EN);
    expect(reset.body).toContain('\nhttps://evikomp.example.se/reset-password/a-one-time-code\n');
    const locked = renderNotification(NotificationKind.ACCOUNT_LOCKED, EVERYTHING, Language.SV);
    expect(locked.body).toContain('spärrad till tisdag 1 december 2026 kl. 17:15');
    expect(locked.body).toContain('https://evikomp.example.se/forgot-password');
  });

  it('adds the programme, the sessions with venue or link, and the portal link, as text and as escaped HTML', () => {
    const data: NotificationData = {
      offeringName: 'Omgång <våren>',
      programmeName: 'Ledarutbildning',
      sessions: [
        {
          title: null,
          startsAt: new Date('2026-12-03T08:30:00Z'),
          endsAt: new Date('2026-12-03T15:00:00Z'),
          venue: 'Stadshuset',
          onlineUrl: null,
        },
        {
          title: 'Dag 2',
          startsAt: new Date('2026-12-10T08:30:00Z'),
          endsAt: new Date('2026-12-10T10:00:00Z'),
          venue: null,
          onlineUrl: 'https://meet.example.se/x',
        },
      ],
      portalUrl: 'https://evikomp.example.se/me/registrations/abc',
    };
    const text = renderNotification(NotificationKind.REGISTRATION_CONFIRMED, data, Language.SV);
    expect(text.body).toContain('Utbildning: Ledarutbildning\nGäller: Omgång <våren>');
    expect(text.body).toContain('- torsdag 3 december 2026 kl. 09:30–16:00, Stadshuset');
    expect(text.body).toContain('- torsdag 10 december 2026 kl. 09:30–11:00, Dag 2, online: https://meet.example.se/x');
    expect(text.body).toContain('Öppna i Evikomp: https://evikomp.example.se/me/registrations/abc');
    expect(text.html).toMatch(/^<!DOCTYPE html>\n<html lang="sv">/);
    expect(text.html).toContain('<title>Du har fått en plats: Omgång &lt;våren&gt;</title>');
    expect(text.html).toContain('<a href="https://evikomp.example.se/me/registrations/abc">Öppna i Evikomp</a>');
    expect(text.html).not.toContain('<våren>');
    expect(renderNotification(NotificationKind.REGISTRATION_CONFIRMED, data, Language.EN).html).toContain('<html lang="en">');
  });

  it('says who registered the person, and why they queue', () => {
    const text = renderNotification(
      NotificationKind.REGISTRATION_WAITLISTED,
      { offeringName: 'Omgång 2', waitlistPosition: 1, waitlistReason: 'QUOTA', registeredByName: 'Anna Lindqvist' },
      Language.SV,
    );
    expect(text.body).toContain('Du har anmälts av Anna Lindqvist.');
    expect(text.body).toContain('reserverade för andra organisationers kvoter');
  });

  it('refuses to render without the data a kind needs', () => {
    expect(() => renderNotification(NotificationKind.SESSION_REMINDER, { offeringName: 'Omgång 2' }, Language.SV)).toThrow(
      'A SESSION_REMINDER notification needs data.firstSessionStartsAt.',
    );
    expect(() => renderNotification(NotificationKind.REGISTRATION_CONFIRMED, {}, Language.SV)).toThrow(/needs data.offeringName/);
  });
});
