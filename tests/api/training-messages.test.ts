import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowId, startTestApi, type TestApi } from '@evikomp/api/testing';
import { assignRole, createOrganisation, createPerson, signedInPerson, USER_ERRORS } from '../support/factories.js';
import { COHORT_REGISTER, createCohort, createProgramme, createSession } from '../support/training-factories.js';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.js';

let api: TestApi;
let smtp: TestSmtpServer;
let organisationId: string;
let programmeId: string;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  api = await startTestApi({ smtpUrl: smtp.url });
  organisationId = (await createOrganisation(api)).id;
  programmeId = await createProgramme(api, { name: 'Ledarutbildning i arbetsplatslärande' });
});
afterAll(async () => {
  await api?.stop();
  await smtp?.close();
});
beforeEach(async () => {
  await api.orm.em.getConnection().execute('delete from notification');
  smtp.messages.length = 0;
});

/** Delivers the outbox to the SMTP server; the messages that arrived for `email`. */
async function received(email: string): Promise<ParsedMail[]> {
  await api.notifications.deliverDue();
  return smtp.messages.filter((mail) => (mail.to as { text: string }).text === email);
}

async function register(cohortId: string, personId?: string, client = api.graphql) {
  const response = await client(COHORT_REGISTER, { input: { cohortId, ...(personId ? { personId } : {}) } });
  expect(response.data!.cohortRegister.errors).toEqual([]);
  return response.data!.cohortRegister.registration as { id: string; status: string };
}

/** A cohort of the programme with a session at a venue and one online. */
async function cohortWithSessions(input: Record<string, unknown> = {}) {
  const cohortId = await createCohort(api, programmeId, { name: 'Omgång våren 2027', ...input });
  await createSession(api, {
    cohortId,
    startsAt: '2027-03-02T08:00:00Z',
    endsAt: '2027-03-02T15:00:00Z',
    venue: 'Konsert & Kongress, Linköping',
  });
  await createSession(api, {
    cohortId,
    title: 'Uppföljning',
    startsAt: '2027-03-16T08:00:00Z',
    endsAt: '2027-03-16T10:00:00Z',
    onlineUrl: 'https://meet.example.se/uppfoljning',
  });
  return cohortId;
}

describe('training messages at a real SMTP server', () => {
  it('confirm a place in Swedish, as text and HTML, with the names, the sessions, a portal link, who registered, and an .ics', async () => {
    const cohortId = await cohortWithSessions();
    const person = await createPerson(api, organisationId);
    const registration = await register(cohortId, person.id);
    expect(registration.status).toBe('CONFIRMED');

    const [mail] = await received(person.email);
    expect(mail!.subject).toBe('Du har fått en plats: Omgång våren 2027');
    const text = mail!.text!;
    expect(text).toContain('Du har anmälts av Test Administratör.');
    expect(text).toContain('Utbildning: Ledarutbildning i arbetsplatslärande\nGäller: Omgång våren 2027');
    expect(text).toContain('- tisdag 2 mars 2027 kl. 09:00–16:00, Konsert & Kongress, Linköping');
    expect(text).toContain('- tisdag 16 mars 2027 kl. 09:00–11:00, Uppföljning, online: https://meet.example.se/uppfoljning');
    const link = `${api.url}/me/registrations/${encodeURIComponent(registration.id)}`;
    expect(text).toContain(`Öppna i Evikomp: ${link}`);
    const html = mail!.html as string;
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain(`<a href="${link}">Öppna i Evikomp</a>`);
    expect(html).toContain('<li>tisdag 2 mars 2027 kl. 09:00–16:00, Konsert &amp; Kongress, Linköping</li>');

    const ics = mail!.attachments.find((attachment) => attachment.filename === 'evikomp.ics');
    expect(ics?.contentType).toBe('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(ics!.content.toString('utf8')));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    expect(events.map((event) => [event.summary, event.location, event.startDate.toJSDate().toISOString()])).toEqual([
      ['Ledarutbildning i arbetsplatslärande – Omgång våren 2027', 'Konsert & Kongress, Linköping', '2027-03-02T08:00:00.000Z'],
      ['Ledarutbildning i arbetsplatslärande – Omgång våren 2027: Uppföljning', null, '2027-03-16T08:00:00.000Z'],
    ]);
  });

  it('write in English to those who chose it, and say why a registration queues: full, or places held for quotas', async () => {
    const full = await cohortWithSessions({ capacity: 1 });
    await register(full, (await createPerson(api, organisationId)).id);
    const queued = await createPerson(api, organisationId, { language: 'EN' });
    expect((await register(full, queued.id)).status).toBe('WAITLISTED');
    const [mail] = await received(queued.email);
    expect(mail!.subject).toBe('You are on the waiting list: Omgång våren 2027');
    expect(mail!.text).toContain('Omgång våren 2027 is full, so you are on the waiting list at number 1.');
    expect(mail!.html).toContain('<html lang="en">');
    expect(mail!.attachments).toEqual([]);

    const other = await createOrganisation(api);
    const held = await cohortWithSessions({ capacity: 2, seatQuotas: [{ organisationId: other.id, places: 2 }] });
    const outsider = await createPerson(api, organisationId);
    expect((await register(held, outsider.id)).status).toBe('WAITLISTED');
    const [quota] = await received(outsider.email);
    expect(quota!.text).toContain('De lediga platserna i Omgång våren 2027 är reserverade för andra organisationers kvoter');
  });

  it('acknowledge a registration that awaits approval, and ask the organisation admin with a link to the approvals', async () => {
    const cohortId = await cohortWithSessions({ requiresApproval: true });
    const admin = await createPerson(api, organisationId);
    await assignRole(api, { personId: admin.id, role: 'ORGANISATION_ADMIN', organisationId });
    const registrant = await signedInPerson(api, organisationId);
    expect((await register(cohortId, undefined, registrant.client)).status).toBe('PENDING_APPROVAL');

    const [acknowledgement] = await received(registrant.email);
    expect(acknowledgement!.subject).toBe('Din anmälan väntar på godkännande: Omgång våren 2027');
    expect(acknowledgement!.text).toContain('Vi har tagit emot din anmälan till Omgång våren 2027.');
    expect(acknowledgement!.text).not.toContain('Du har anmälts av');
    const [request] = await received(admin.email);
    expect(request!.subject).toBe('En anmälan väntar på ditt godkännande: Omgång våren 2027');
    expect(request!.text).toContain(`Öppna i Evikomp: ${api.url}/training/approvals`);
  });

  it('tell the people with places of a moved session, with the new time and an .ics whose SEQUENCE rose', async () => {
    const cohortId = await createCohort(api, programmeId, { name: 'Omgång hösten 2027' });
    const sessionId = await createSession(api, { cohortId, startsAt: '2027-09-07T07:00:00Z', endsAt: '2027-09-07T14:00:00Z' });
    const person = await createPerson(api, organisationId);
    await register(cohortId, person.id);
    await received(person.email);
    smtp.messages.length = 0;
    const moved = await api.graphql(`mutation($input: SessionUpdateInput!) { sessionUpdate(input: $input) { ${USER_ERRORS} } }`, {
      input: { id: sessionId, startsAt: '2027-09-08T07:00:00Z', endsAt: '2027-09-08T14:00:00Z' },
    });
    expect(moved.data!.sessionUpdate.errors).toEqual([]);
    const [mail] = await received(person.email);
    expect(mail!.subject).toBe('Ändrad tid eller plats: Omgång hösten 2027');
    expect(mail!.text).toContain('onsdag 8 september 2027 kl. 09:00–16:00');
    const event = new ICAL.Component(ICAL.parse(mail!.attachments[0]!.content.toString('utf8'))).getFirstSubcomponent('vevent')!;
    expect([event.getFirstPropertyValue('uid'), event.getFirstPropertyValue('sequence')]).toEqual([
      `session-${rowId(sessionId)}@evikomp`,
      1,
    ]);
  });
});
