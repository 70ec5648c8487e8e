import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowId, startTestApi, type GraphQLClient, type TestApi } from '@evikomp/api/testing';
import { createOrganisation, createPerson, USER_ERRORS } from '../support/factories.js';
import {
  createCohort,
  createNetwork,
  createNetworkMeeting,
  createProgramme,
  createSession,
  registerForCohort,
} from '../support/training-factories.js';

const CREATE = `mutation($input: CalendarFeedCreateInput!) { calendarFeedCreate(input: $input) { url calendarFeed { id kind isActive } ${USER_ERRORS} } }`;
const REVOKE = `mutation($id: ID!) { calendarFeedRevoke(input: { id: $id }) { calendarFeed { isActive revokedAt } ${USER_ERRORS} } }`;

/** Two training days each side of the autumn change (25 October 2026) and of the spring change (28 March 2027), 09:00–16:00 in Sweden. */
const DAYS = [
  { startsAt: '2026-10-22T07:00:00.000Z', endsAt: '2026-10-22T14:00:00.000Z' },
  { startsAt: '2026-10-29T08:00:00.000Z', endsAt: '2026-10-29T15:00:00.000Z' },
  { startsAt: '2027-03-25T08:00:00.000Z', endsAt: '2027-03-25T15:00:00.000Z' },
  { startsAt: '2027-04-01T07:00:00.000Z', endsAt: '2027-04-01T14:00:00.000Z' },
];

let api: TestApi;
let organisationId: string;
let programmeId: string;
let cohortId: string;
let sessionIds: string[];
let person: { id: string; email: string };
let asPerson: GraphQLClient;

const cohort = (name: string, input: Record<string, unknown> = {}) => createCohort(api, programmeId, { name, ...input });
const session = (cohort: string, input: Record<string, unknown>) => createSession(api, { cohortId: cohort, ...input });
const register = async (cohort: string, personId: string) => (await registerForCohort(api.graphql, cohort, personId)).id;

async function createFeed(client: GraphQLClient, input: Record<string, unknown>): Promise<{ id: string; url: string }> {
  const response = await client(CREATE, { input });
  expect(response.data!.calendarFeedCreate.errors).toEqual([]);
  return { id: response.data!.calendarFeedCreate.calendarFeed.id, url: response.data!.calendarFeedCreate.url };
}

/** Fetches a feed as a calendar app would (no cookie) and parses it, registering its time zones. */
async function fetchCalendar(url: string) {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  const text = await response.text();
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((component) => ({ component, event: new ICAL.Event(component) }));
  return { response, text, calendar, events };
}

async function fetchStatus(url: string): Promise<{ status: number; body: string; type: string | null }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.text(), type: response.headers.get('content-type') };
}

beforeAll(async () => {
  api = await startTestApi();
  organisationId = (await createOrganisation(api)).id;
  programmeId = await createProgramme(api);
  cohortId = await cohort('Omgång hösten 2026');
  sessionIds = [];
  for (const [index, day] of DAYS.entries()) {
    sessionIds.push(
      await session(cohortId, {
        ...day,
        title: `Dag ${index + 1}`,
        venue: index === 0 ? 'Konsert & Kongress, Linköping' : null,
        onlineUrl: index === 1 ? 'https://meet.example.se/evikomp-dag-2' : null,
      }),
    );
  }
  person = await createPerson(api, organisationId);
  await api.createAccount(person.id);
  asPerson = await api.signIn(person.email);
});
afterAll(() => api?.stop());

describe('iCalendar feeds', () => {
  it("holds a person's sessions at 09:00 Swedish time on both sides of both daylight-saving changes, with the zone's rules", async () => {
    const registrationId = await register(cohortId, person.id);
    const { url } = await createFeed(asPerson, {});
    expect(url).toMatch(new RegExp(`^${api.url}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));

    const { response, calendar, events, text } = await fetchCalendar(url);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, max-age=300');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Evikomp//Evikomp Platform//SV');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toEqual(expect.any(String));
    expect(text).toContain('X-PUBLISHED-TTL:PT1H');
    expect(text).toMatch(/\r\n/);

    const zone = calendar.getFirstSubcomponent('vtimezone')!;
    expect(zone.getFirstPropertyValue('tzid')).toBe('Europe/Stockholm');
    expect(zone.getAllSubcomponents('standard')).toHaveLength(1);
    expect(zone.getAllSubcomponents('daylight')).toHaveLength(1);

    expect(events.map(({ event }) => event.uid)).toEqual(sessionIds.map((id) => `session-${rowId(id)}@evikomp`));
    for (const [index, { component, event }] of events.entries()) {
      expect(component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Stockholm');
      expect(component.getFirstProperty('dtend')!.getParameter('tzid')).toBe('Europe/Stockholm');
      expect([event.startDate.hour, event.startDate.minute, event.endDate.hour]).toEqual([9, 0, 16]);
      expect(event.startDate.toJSDate().toISOString()).toBe(DAYS[index]!.startsAt);
      expect(event.endDate.toJSDate().toISOString()).toBe(DAYS[index]!.endsAt);
      expect(event.summary).toBe(`Ledarutbildning – Omgång hösten 2026: Dag ${index + 1}`);
      expect(component.getFirstPropertyValue('status')).toBe('CONFIRMED');
      expect(component.getFirstPropertyValue('dtstamp')).toBeTruthy();
      expect(component.getFirstPropertyValue('last-modified')).toBeTruthy();
    }
    expect(events[0]!.event.location).toBe('Konsert & Kongress, Linköping');
    expect(events[1]!.component.getFirstPropertyValue('url')).toBe('https://meet.example.se/evikomp-dag-2');
    expect(events[1]!.event.description).toContain('https://meet.example.se/evikomp-dag-2');

    // A cancelled place takes the sessions out of the person's feed.
    const cancelled = await api.graphql(`mutation($id: ID!) { registrationCancel(input: { id: $id }) { ${USER_ERRORS} } }`, {
      id: registrationId,
    });
    expect(cancelled.data!.registrationCancel.errors).toEqual([]);
    expect((await fetchCalendar(url)).events).toEqual([]);
  });

  it("shows only places held: not another cohort's sessions, nor a waitlisted place's", async () => {
    const someone = await createPerson(api, organisationId);
    const other = await cohort('Annan omgång');
    await session(other, { startsAt: '2026-11-05T08:00:00Z', endsAt: '2026-11-05T15:00:00Z' });
    const fullId = await cohort('Full omgång', { capacity: 1 });
    await session(fullId, { startsAt: '2026-11-12T08:00:00Z', endsAt: '2026-11-12T15:00:00Z' });
    await register(fullId, (await createPerson(api, organisationId)).id);
    await register(fullId, someone.id); // waitlisted
    await register(cohortId, someone.id);

    const { url } = await createFeed(api.graphql, { personId: someone.id });
    const { events } = await fetchCalendar(url);
    expect(events.map(({ event }) => event.uid)).toEqual(sessionIds.map((id) => `session-${rowId(id)}@evikomp`));
  });

  it("gives a cohort's feed to anyone signed in, and marks a cancelled cohort's sessions cancelled", async () => {
    const { url } = await createFeed(asPerson, { cohortId });
    const { events } = await fetchCalendar(url);
    expect(events.map(({ event }) => event.uid)).toEqual(sessionIds.map((id) => `session-${rowId(id)}@evikomp`));
    expect(events.map(({ event }) => event.startDate.toJSDate().toISOString())).toEqual(DAYS.map((day) => day.startsAt));
    // An unchanged feed is the same text, so a calendar app's revalidation costs no body.
    const etag = (await fetch(url)).headers.get('etag');
    expect(etag).toBeTruthy();
    // fetch() adds `Cache-Control: no-cache` to conditional requests unless one is given; calendar apps do not.
    expect((await fetch(url, { headers: { 'if-none-match': etag!, 'cache-control': 'max-age=0' } })).status).toBe(304);

    const cancelledCohort = await cohort('Inställd omgång');
    await session(cancelledCohort, { startsAt: '2026-12-03T08:00:00Z', endsAt: '2026-12-03T15:00:00Z' });
    const feed = await createFeed(asPerson, { cohortId: cancelledCohort });
    expect((await fetchCalendar(feed.url)).events.map(({ component }) => component.getFirstPropertyValue('status'))).toEqual(['CONFIRMED']);
    await api.graphql(`mutation($id: ID!) { cohortUpdate(input: { id: $id, status: CANCELLED }) { ${USER_ERRORS} } }`, {
      id: cancelledCohort,
    });
    expect((await fetchCalendar(feed.url)).events.map(({ component }) => component.getFirstPropertyValue('status'))).toEqual(['CANCELLED']);
  });

  it('answers unknown, malformed and revoked tokens alike with 404 and no internals', async () => {
    const feed = await createFeed(asPerson, {});
    expect((await fetchStatus(feed.url)).status).toBe(200);
    const revoked = await asPerson(REVOKE, { id: feed.id });
    expect(revoked.data!.calendarFeedRevoke).toEqual({ calendarFeed: { isActive: false, revokedAt: expect.any(String) }, errors: [] });
    expect((await asPerson(REVOKE, { id: feed.id })).data!.calendarFeedRevoke.errors).toEqual([
      expect.objectContaining({ code: 'CONFLICT' }),
    ]);

    const answers = await Promise.all([
      fetchStatus(feed.url),
      fetchStatus(`${api.url}/calendar/${'A'.repeat(43)}.ics`),
      fetchStatus(`${api.url}/calendar/short.ics`),
      fetchStatus(`${api.url}/calendar/%E0%A4%A.ics`),
      fetchStatus(`${api.url}/calendar/${'A'.repeat(43)}`),
      fetchStatus(`${api.url}/calendar/`),
    ]);
    for (const answer of answers) {
      expect(answer).toEqual({ status: 404, body: 'Not found', type: 'text/plain; charset=utf-8' });
    }
  });

  it('lets people create and revoke feeds only for themselves, administrators for anyone', async () => {
    const other = await createPerson(api, organisationId);
    await api.createAccount(other.id);
    const asOther = await api.signIn(other.email);

    // The other person cannot see the first, so the person is not found.
    const refused = await asOther(CREATE, { input: { personId: person.id } });
    expect(refused.data!.calendarFeedCreate).toEqual({
      url: null,
      calendarFeed: null,
      errors: [expect.objectContaining({ field: 'personId', code: 'NOT_FOUND' })],
    });
    const both = await asPerson(CREATE, { input: { personId: person.id, cohortId } });
    expect(both.data!.calendarFeedCreate.errors).toEqual([expect.objectContaining({ code: 'INVALID' })]);

    const byAdministrator = await createFeed(api.graphql, { personId: person.id });
    expect((await asOther(REVOKE, { id: byAdministrator.id })).data!.calendarFeedRevoke.errors).toEqual([
      expect.objectContaining({ field: 'id', code: 'NOT_FOUND' }),
    ]);
    expect((await fetchStatus(byAdministrator.url)).status).toBe(200);

    // Person.calendarFeeds: for themselves and administrators, never with the URL.
    const list = `query($id: ID!) { person(id: $id) { calendarFeeds { id kind isActive cohort { id } person { id } } } }`;
    const own = (await asPerson(list, { id: person.id })).data!.person.calendarFeeds;
    expect(own.length).toBeGreaterThanOrEqual(3);
    expect(own[0]).toEqual({ id: byAdministrator.id, kind: 'PERSON', isActive: true, cohort: null, person: { id: person.id } });
    expect(
      own.some((feed: { kind: string; cohort: { id: string } | null }) => feed.kind === 'COHORT' && feed.cohort?.id === cohortId),
    ).toBe(true);
    expect((await api.graphql(list, { id: person.id })).data!.person.calendarFeeds).toEqual(own);
    expect((await asOther(`query($id: ID!) { node(id: $id) { id } }`, { id: byAdministrator.id })).data!.node).toBeNull();
    expect(
      (await asPerson(`query($id: ID!) { node(id: $id) { ... on CalendarFeed { kind } } }`, { id: byAdministrator.id })).data!.node,
    ).toEqual({ kind: 'PERSON' });

    expect((await asPerson(REVOKE, { id: byAdministrator.id })).data!.calendarFeedRevoke.errors).toEqual([]);
    expect((await fetchStatus(byAdministrator.url)).status).toBe(404);
  });

  it('keeps tokens and their hashes out of the audit trail', async () => {
    const feed = await createFeed(asPerson, {});
    const token = feed.url.split('/calendar/')[1]!.replace('.ics', '');
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(token).digest('hex');
    const entries = await api.graphql(
      `query($id: ID!) { auditEntries(filter: { subjectId: $id }) { edges { node { operation changes } } } }`,
      { id: feed.id },
    );
    const [entry] = entries.data!.auditEntries.edges;
    expect(entry.node.operation).toBe('calendarFeedCreate');
    expect(entry.node.changes[0].after.tokenHash).toBe('[secret]');
    expect(JSON.stringify(entries)).not.toContain(token);
    expect(JSON.stringify(entries)).not.toContain(hash);
  });

  it('opens nothing else to a feed URL, and GraphQL still refuses anonymous callers', async () => {
    const anonymous = await api.anonymous(CREATE, { input: {} });
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    const feed = await createFeed(asPerson, {});
    const token = feed.url.split('/calendar/')[1]!.replace('.ics', '');
    const withToken = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ cohorts { totalCount } }' }),
    });
    expect(withToken.status).toBe(401);
  });

  it("deletes a person's feeds when their personal data is erased, and lists them in the export", async () => {
    const someone = await createPerson(api, organisationId);
    const feed = await createFeed(api.graphql, { personId: someone.id });
    const exported = await api.graphql(`query($id: ID!) { personDataExport(id: $id) }`, { id: someone.id });
    expect(exported.data!.personDataExport.calendarFeeds).toEqual([
      { kind: 'PERSON', cohortId: null, createdAt: expect.any(String), revokedAt: null },
    ]);
    const erased = await api.graphql(`mutation($id: ID!) { personErase(input: { id: $id, confirm: true }) { ${USER_ERRORS} } }`, {
      id: someone.id,
    });
    expect(erased.data!.personErase.errors).toEqual([]);
    expect((await fetchStatus(feed.url)).status).toBe(404);
    const rows = await api.orm.em
      .getConnection()
      .execute<{ count: string }[]>('select count(*) from calendar_feed where person_id = ?', [rowId(someone.id)]);
    expect(Number(rows[0]!.count)).toBe(0);
  });

  it('builds the URL from PUBLIC_URL when it is set', async () => {
    const { createApp } = await import('@evikomp/api/app');
    const { pino } = await import('pino');
    const app = await createApp({ orm: api.orm, logger: pino({ level: 'silent' }), publicUrl: 'https://evikomp.example.se' });
    const running = await app.listen(0, '127.0.0.1');
    try {
      const response = await fetch(`${running.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `evikomp_session=${api.sessionCookie}` },
        body: JSON.stringify({ query: `mutation { calendarFeedCreate(input: {}) { url ${USER_ERRORS} } }` }),
      });
      const body = (await response.json()) as { data: { calendarFeedCreate: { url: string } } };
      expect(body.data.calendarFeedCreate.url).toMatch(/^https:\/\/evikomp\.example\.se\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    } finally {
      await running.stop();
    }
  });
});

describe('network feeds', () => {
  it("hold a network's meetings at the right Swedish time across the autumn change, named by network and meeting", async () => {
    const networkId = await createNetwork(api, { name: 'Lärande chefsnätverk Norrköping' });
    // 13:00–16:00 in Sweden on both sides of 25 October 2026.
    const meetings = [
      { title: 'Träff 1', startsAt: '2026-10-20T11:00:00.000Z', endsAt: '2026-10-20T14:00:00.000Z' },
      { title: 'Träff 2', startsAt: '2026-11-17T12:00:00.000Z', endsAt: '2026-11-17T15:00:00.000Z' },
    ];
    for (const meeting of meetings) await createNetworkMeeting(api, networkId, { ...meeting, venue: 'Norrköpings stadshus' });
    const { url } = await createFeed(asPerson, { networkId });
    const { calendar, events } = await fetchCalendar(url);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Evikomp – Lärande chefsnätverk Norrköping');
    expect(
      events.map(({ event }) => [event.summary, event.startDate.hour, event.endDate.hour, event.startDate.toJSDate().toISOString()]),
    ).toEqual([
      ['Lärande chefsnätverk Norrköping: Träff 1', 13, 16, meetings[0]!.startsAt],
      ['Lärande chefsnätverk Norrköping: Träff 2', 13, 16, meetings[1]!.startsAt],
    ]);
    expect(events.every(({ component }) => component.getFirstProperty('dtstart')!.getParameter('tzid') === 'Europe/Stockholm')).toBe(true);
    // Renaming the network renames the events and moves their LAST-MODIFIED, so calendar apps update them.
    const modified = events.map(({ component }) => component.getFirstPropertyValue('last-modified')!.toString());
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await api.graphql(`mutation($id: ID!) { networkUpdate(input: { id: $id, name: "Lärande chefsnätverk Östra" }) { ${USER_ERRORS} } }`, {
      id: networkId,
    });
    const renamed = (await fetchCalendar(url)).events;
    expect(renamed.map(({ event }) => event.summary)).toEqual([
      'Lärande chefsnätverk Östra: Träff 1',
      'Lärande chefsnätverk Östra: Träff 2',
    ]);
    renamed.forEach(({ component }, index) =>
      expect(component.getFirstPropertyValue('last-modified')!.toString() > modified[index]!).toBe(true),
    );
    // One subject per feed.
    const both = await asPerson(CREATE, { input: { networkId, cohortId } });
    expect(both.data!.calendarFeedCreate.errors).toEqual([expect.objectContaining({ code: 'INVALID' })]);
  });
});
