/// <reference lib="dom" />
// page.evaluate callbacks run in the browser, hence the DOM types.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { GraphQLClient } from '@evikomp/api/testing';
import { expectAccessible, expectReflowAt320 } from './support/browser.js';
import { signIn } from './support/pages.js';
import { usePortal } from './support/portal-harness.js';
import { DEMO_ADMINISTRATOR } from './support/portal-server.js';

const ORGANISATION_ADMIN = { email: 'susanne.mattsson@boxholm.se', password: 'evikomp-demo' };

/** Today's date in Sweden, as `<input type="date">` holds it. */
const todayInSweden = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
const ERRORS = 'errors { field message code }';
const personGlobalId = (id: string) => Buffer.from(`Person:${id}`).toString('base64url');

/** Runs a mutation through the API and returns its payload, failing on any payload error. */
async function mutate(client: GraphQLClient, name: string, selection: string, inputType: string, input: Record<string, unknown>) {
  const response = await client(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection} ${ERRORS} } }`, { input });
  expect(response.errors).toBeUndefined();
  expect(response.data![name].errors).toEqual([]);
  return response.data![name];
}

describe('administration and networks in headless Chromium', () => {
  const portal = usePortal();
  const { errors } = portal;

  async function signedInAdministrator(path: string): Promise<Page> {
    const page = await portal.newPage();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: portal.api.url });
    await page.goto(path);
    await signIn(page, DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
    return page;
  }

  it('the administrator creates an API client and sees its key once, revokes it after confirming, and finds both in the filtered audit trail', async () => {
    const page = await signedInAdministrator('/admin');
    await page.getByRole('heading', { name: 'Granskningslogg' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/audit');
    expect(await page.title()).toBe('Granskningslogg – Evikomp');
    await expectAccessible(page, 'audit trail');

    await page.locator('[data-test="subnav-api-clients"]').click();
    await page.getByRole('heading', { name: 'API-klienter' }).waitFor();
    await expectAccessible(page, 'API clients');

    // The form checks what the API checks before sending, and says so on each field.
    await page.locator('[data-test="api-client-create"]').click();
    const dialog = page.getByRole('dialog', { name: 'Ny API-klient' });
    await dialog.waitFor();
    await page.locator('[data-test="api-client-submit"]').click();
    await dialog.getByText('Fyll i fältet.').waitFor();
    await dialog.getByText('Välj minst en behörighet.').waitFor();
    expect(await page.getByRole('textbox', { name: 'Namn', exact: true }).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'new API client, with errors');

    const name = `HR-systemet Motala ${Date.now()}`;
    await page.getByRole('textbox', { name: 'Namn', exact: true }).fill(name);
    await page.getByLabel('Organisation vars uppgifter klienten ser').fill('Motala');
    await page.getByRole('option', { name: /^Motala kommun/ }).click();
    await page.locator('[data-test="scope-READ_DIRECTORY"]').check();
    await page.locator('[data-test="api-client-submit"]').click();

    const keyDialog = page.getByRole('dialog', { name: `Nyckeln till ${name}` });
    await keyDialog.waitFor();
    expect(await keyDialog.locator('[data-test="api-key-warning"]').textContent()).toContain('Den visas bara den här gången');
    const key = await page.locator('[data-test="api-key"]').inputValue();
    expect(key).toMatch(/^evk_.{20,}$/);
    await expectAccessible(page, 'the new key');
    await page.locator('[data-test="api-key-copy"]').click();
    await page.getByText('Nyckeln är kopierad.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await page.locator('[data-test="api-key-done"]').click();
    await keyDialog.waitFor({ state: 'detached' });
    // Once closed, the key is nowhere on the page: only its prefix, to recognise it by.
    const row = page.locator('tbody tr', { hasText: name });
    await expect.poll(() => row.textContent()).toContain(`${key.slice(0, 12)}…`);
    expect(await page.content()).not.toContain(key);

    await page.locator(`[data-test="revoke-${name}"]`).click();
    const confirm = page.getByRole('dialog', { name: `Återkalla ${name}` });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('Det går inte att ångra');
    await expectAccessible(page, 'revoke, asked first');
    await confirm.locator('[data-test="confirm"]').click();
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => row.textContent()).toContain('Återkallad');
    expect(await page.locator(`[data-test="revoke-${name}"]`).count()).toBe(0);

    // The audit trail, filtered by the type of object: both changes, newest first, readable.
    await page.locator('[data-test="subnav-audit"]').click();
    await page.getByRole('heading', { name: 'Granskningslogg' }).waitFor();
    await page.getByLabel('Typ av objekt').selectOption('ApiClient');
    await page.locator('[data-test="audit-apply"]').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('type')).toBe('ApiClient');
    // The trail's own rows (each holds a table of its changes too).
    const entries = page.locator('.ek-table__scroll > table > tbody > tr');
    await expect
      .poll(async () => (await entries.allTextContents()).slice(0, 2).map((text) => text.match(/apiClient(Create|Revoke|Rotate)/)?.[0]))
      .toEqual(['apiClientRevoke', 'apiClientCreate']);
    await entries.first().getByText('Visa den ändrade posten').click();
    const revoked = entries.first().locator('.ek-audit-change');
    await expect.poll(() => revoked.textContent()).toContain('revokedAt');
    expect(await entries.nth(1).textContent()).toContain('Anna Lindqvist');
    await expectAccessible(page, 'audit trail, filtered, a change shown');

    // The filters live in the URL: a bookmark opens the same view; the actor and days narrow it further.
    await page.reload();
    await expect.poll(async () => (await entries.first().textContent())?.includes('apiClientRevoke')).toBe(true);
    expect(await page.getByLabel('Typ av objekt').inputValue()).toBe('ApiClient');
    await entries.first().locator('[data-test="audit-only-actor"]').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('actor')).not.toBeNull();
    await page.locator('[data-test="audit-actor"]', { hasText: 'Anna Lindqvist' }).waitFor();
    await page.getByLabel('Från och med datum').fill(todayInSweden());
    await page.getByLabel('Till och med datum').fill(todayInSweden());
    await page.locator('[data-test="audit-apply"]').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe(todayInSweden());
    await expect.poll(async () => (await entries.first().textContent())?.includes('apiClientRevoke')).toBe(true);
    await expectAccessible(page, 'audit trail, filtered by actor and days');
    await expectReflowAt320(page, 'audit trail');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByLabel('Från och med datum').fill('2020-01-01');
    await page.getByLabel('Till och med datum').fill('2020-01-31');
    await page.locator('[data-test="audit-apply"]').click();
    await page.getByText('Inga ändringar matchar filtret.').waitFor();
    await expectAccessible(page, 'audit trail, nothing matches');
    expect(errors).toEqual([]);
  }, 180_000);

  it('the administrator creates a network, plans a meeting in Swedish time, adds a facilitator and records attendance', async () => {
    const page = await signedInAdministrator('/networks');
    await page.getByRole('heading', { name: 'Nätverk', exact: true }).waitFor();
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'networks');
    await page.getByLabel('Sök på nätverkets namn').fill('östergötland');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('östergötland');
    await expect
      .poll(() => page.locator('tbody tr').allTextContents())
      .toEqual([expect.stringContaining('Lärande chefsnätverk Östergötland')]);
    await expectAccessible(page, 'networks, search results');

    await page.locator('[data-test="network-create"]').click();
    await page.getByRole('heading', { name: 'Nytt nätverk' }).waitFor();
    await page.locator('[data-test="network-save"]').click();
    await page.getByText('Fyll i fältet.').waitFor();
    await expectAccessible(page, 'new network, with an error');
    const name = `Lärande chefsnätverk Kinda ${Date.now()}`;
    await page.getByRole('textbox', { name: 'Namn', exact: true }).fill(name);
    await page.getByLabel('Beskrivning').fill('För chefer i Kinda.');
    await page.getByLabel('Chef', { exact: true }).check();
    await page.locator('[data-test="network-save"]').click();
    await page.getByRole('heading', { name }).waitFor();
    expect(await page.title()).toBe(`${name} – Evikomp`);
    await page.getByText('Inga träffar är planerade.').waitFor();
    await expectAccessible(page, 'the new network');

    await page.locator('[data-test="facilitator-add"]').click();
    const dialog = page.getByRole('dialog', { name: 'Lägg till processledare' });
    await dialog.waitFor();
    // The person picker searches on the server as the name is typed; the list it opens is what the API answered.
    await dialog.getByLabel('Sök person på namn eller e-post').fill('Anna Lindqvist');
    await dialog.getByRole('option', { name: /^Anna Lindqvist/ }).waitFor();
    await expectAccessible(page, 'add a facilitator, the person list open');
    await dialog.getByLabel('Sök person på namn eller e-post').press('ArrowDown');
    await dialog.getByLabel('Sök person på namn eller e-post').press('Enter');
    await expect.poll(() => dialog.getByLabel('Sök person på namn eller e-post').inputValue()).toMatch(/^Anna Lindqvist \(/);
    await expectAccessible(page, 'add a facilitator');
    await page.locator('[data-test="facilitator-submit"]').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('tbody tr', { hasText: 'Anna Lindqvist' }).textContent()).toContain('Processledare');

    await page.locator('[data-test="meeting-create"]').click();
    await page.getByRole('heading', { name: `Ny träff i ${name}` }).waitFor();
    await page.getByLabel('Rubrik').fill('Nätverksträff 1: Reflektion i arbetet');
    await page.getByLabel('Datum').fill('2027-03-10');
    await page.getByLabel('Starttid').fill('13:00');
    await page.getByLabel('Sluttid').fill('12:00');
    await page.getByLabel('Länk för digitalt deltagande').fill('http://example.se');
    await page.locator('[data-test="meeting-save"]').click();
    await page.getByText('Sluttiden måste vara efter starttiden.').waitFor();
    await page.getByText('Skriv en länk som börjar med https://.').waitFor();
    await expectAccessible(page, 'new meeting, with errors');
    await page.getByLabel('Sluttid').fill('16:00');
    await page.getByLabel('Länk för digitalt deltagande').fill('');
    await page.getByLabel('Plats', { exact: true }).fill('Kinda kommunhus');
    await page.getByLabel('Antal platser').fill('12');
    await page.locator('[data-test="meeting-save"]').click();
    await page.getByRole('heading', { name: 'Nätverksträff 1: Reflektion i arbetet' }).waitFor();
    // 13:00 Swedish (winter) time, shown in Swedish.
    await page.getByText('2027-03-10 13:00–16:00').waitFor();
    await page.getByText('Ingen är anmäld ännu.').waitFor();
    await expectAccessible(page, 'the new meeting');

    await page.getByLabel('Anmäl en medlem').selectOption({ label: 'Anna Lindqvist' });
    await page.locator('[data-test="register-member"]').click();
    const registration = page.locator('tbody tr', { hasText: 'Anna Lindqvist' });
    await expect.poll(() => registration.textContent()).toContain('Bekräftad');
    // Attendance is recorded from the meeting's start: before it, the page says when.
    await page.getByText('Närvaron registreras från träffens start, 2027-03-10 13:00.').waitFor();
    expect(await page.getByLabel('Närvaro för Anna Lindqvist').count()).toBe(0);
    await expectAccessible(page, 'the meeting before it starts, with its registration');

    await page.locator('[data-test="meeting-edit"]').click();
    await page.getByRole('heading', { name: 'Ändra Nätverksträff 1: Reflektion i arbetet' }).waitFor();
    expect(await page.getByLabel('Starttid').inputValue()).toBe('13:00');
    await expectAccessible(page, 'edit a meeting');
    await page.getByLabel('Starttid').fill('14:00');
    await page.locator('[data-test="meeting-save"]').click();
    await page.getByText('2027-03-10 14:00–16:00').waitFor();

    // The meeting was in fact held last month: moved there, its attendance can be recorded.
    await page.locator('[data-test="meeting-edit"]').click();
    await page.getByRole('heading', { name: 'Ändra Nätverksträff 1: Reflektion i arbetet' }).waitFor();
    await page.getByLabel('Datum').fill('2026-11-10');
    await page.locator('[data-test="meeting-save"]').click();
    await page.getByText('2026-11-10 14:00–16:00').waitFor();
    await registration.getByLabel('Närvaro för Anna Lindqvist').selectOption('PRESENT');
    await page.locator('[data-test="attendance-save"]').click();
    await page.getByText('Närvaron är sparad.').waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel('Närvaro för Anna Lindqvist').inputValue()).toBe('PRESENT');
    await expectAccessible(page, 'the meeting with attendance');

    await page.locator('[data-test="subnav-events"]').click();
    await page.getByRole('heading', { name: 'Evenemang' }).waitFor();
    await expect.poll(() => page.locator('tbody tr').allTextContents()).toContainEqual(expect.stringContaining('Informationsträff'));
    await expectAccessible(page, 'events');
    expect(errors).toEqual([]);
  }, 180_000);

  it('the administrator adds a member (after a prerequisite refusal), removes another after confirming, and cancels a meeting registration so the waitlist moves up', async () => {
    const { api } = portal;
    const admin = await api.signIn(DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
    // Four people with names nobody else has, and their e-mail addresses to find them by.
    const people = await api.orm.em.getConnection().execute<{ id: string; name: string; email: string }[]>(
      `select p.id, p.first_name || ' ' || p.last_name as name, p.email from person p
       where p.erased_at is null and p.email is not null and p.email <> '${DEMO_ADMINISTRATOR.email}'
         and (select count(*) from person q where q.first_name = p.first_name and q.last_name = p.last_name) = 1
       order by p.last_name, p.first_name limit 4`,
    );
    expect(people).toHaveLength(4);
    const [first, second, newcomer, leaver] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0], (typeof people)[0]];
    const name = `Lärande chefsnätverk Ydre ${Date.now()}`;
    const network = (await mutate(admin, 'networkCreate', 'network { id }', 'NetworkCreateInput', { name })).network as { id: string };
    for (const person of [first, second, leaver]) {
      await mutate(admin, 'networkJoin', 'membership { id }', 'NetworkMembershipInput', {
        networkId: network.id,
        personId: personGlobalId(person.id),
      });
    }
    // One place: the first confirmed, the second first on the waitlist.
    const startsAt = new Date(Date.now() + 20 * 86_400_000);
    const meeting = (
      await mutate(admin, 'networkMeetingCreate', 'meeting { id }', 'NetworkMeetingCreateInput', {
        networkId: network.id,
        title: 'Nätverksträff 1: Att leda lärande',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
        venue: 'Ydre kommunhus',
        capacity: 1,
      })
    ).meeting as { id: string };
    for (const person of [first, second]) {
      await mutate(admin, 'networkMeetingRegister', 'registration { id status }', 'NetworkMeetingRegisterInput', {
        meetingId: meeting.id,
        personId: personGlobalId(person.id),
      });
    }
    const found = await admin(`query { networks(first: 5, filter: { search: "Östergötland" }) { edges { node { id } } } }`);
    const ostergotland = (found.data!.networks.edges as { node: { id: string } }[])[0]!.node.id;

    // The demo network asks for the completed leader training: the administrator has not, and the refusal is on the person.
    const page = await signedInAdministrator(`/networks/${ostergotland}`);
    await page.getByRole('heading', { name: 'Lärande chefsnätverk Östergötland' }).waitFor();
    // Ten members from the demo training and the 25 managers of the dashboard's earlier rounds (seed/demo-activity.ts),
    // paged on the server: 20, then the other 15 on the next page, whose cursor is in the URL.
    const demoMembers = page.locator('[data-test="members"] tbody tr');
    await expect.poll(() => demoMembers.count()).toBe(20);
    await page.getByText('Ingen har lämnat nätverket.').waitFor();
    await expectAccessible(page, 'a network with its members');
    await page.locator('[data-test="members"]').getByRole('button', { name: 'Nästa sida' }).click();
    await expect.poll(() => demoMembers.count()).toBe(15);
    expect(new URL(page.url()).searchParams.get('members.after')).toBeTruthy();
    await expectAccessible(page, "a network's members, second page");
    await page.locator('[data-test="member-add"]').click();
    let dialog = page.getByRole('dialog', { name: 'Lägg till medlem' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('För att gå med krävs genomförd Ledarutbildning i arbetsplatslärande.');
    await dialog.getByLabel('Sök person på namn eller e-post').fill(DEMO_ADMINISTRATOR.email);
    await dialog.locator('[data-test="member-person-search-button"]').click();
    await dialog.getByText('En person hittades.').waitFor();
    await dialog.getByLabel('Person', { exact: true }).selectOption({ index: 1 });
    await expectAccessible(page, 'add a member');
    await dialog.locator('[data-test="member-submit"]').click();
    await dialog
      .getByText('Personen har inte genomfört den utbildning som krävs för att gå med, eller så är nätverket avslutat.')
      .waitFor();
    expect(await dialog.getByLabel('Person', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'add a member, refused');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The new network has no prerequisite: a member found by e-mail is added.
    await page.goto(`/networks/${network.id}`);
    await page.getByRole('heading', { name }).waitFor();
    const members = page.locator('[data-test="members"] tbody tr');
    await expect.poll(() => members.count()).toBe(3);
    await page.locator('[data-test="member-add"]').click();
    dialog = page.getByRole('dialog', { name: 'Lägg till medlem' });
    await dialog.waitFor();
    await dialog.getByLabel('Sök person på namn eller e-post').fill(newcomer.email);
    await dialog.locator('[data-test="member-person-search-button"]').click();
    await dialog.getByText('En person hittades.').waitFor();
    await dialog.getByLabel('Person', { exact: true }).selectOption({ index: 1 });
    await dialog.locator('[data-test="member-submit"]').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`${newcomer.name} är medlem i nätverket.`).waitFor();
    await expect.poll(() => members.filter({ has: page.getByRole('cell', { name: newcomer.name, exact: true }) }).count()).toBe(1);
    await expectAccessible(page, 'a member added');

    // Removing another asks first, naming them; the membership then shows among the former members, with its end.
    await page.getByRole('button', { name: `Ta bort ${leaver.name} ur nätverket` }).click();
    const confirm = page.getByRole('dialog', { name: `Ta bort ${leaver.name} ur nätverket?` });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('finns kvar bland tidigare medlemmar');
    await expectAccessible(page, 'remove a member, asked first');
    await confirm.locator('[data-test="confirm"]').click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByText(`${leaver.name} är inte längre medlem i nätverket.`).waitFor();
    const named = (person: { name: string }) => page.getByRole('cell', { name: person.name, exact: true });
    await expect.poll(() => members.count()).toBe(3);
    expect(await members.filter({ has: named(leaver) }).count()).toBe(0);
    const former = page.locator('[data-test="members-history"] tbody tr').filter({ has: named(leaver) });
    await expect.poll(() => former.locator('td').last().textContent()).toMatch(new RegExp(`^${todayInSweden()} \\d\\d:\\d\\d$`));
    await expectAccessible(page, 'a member removed, in the history');

    // The meeting: cancelling the one confirmed place (asked first) gives it to the first on the waitlist.
    await page.getByRole('link', { name: 'Nätverksträff 1: Att leda lärande' }).click();
    await page.getByRole('heading', { name: 'Nätverksträff 1: Att leda lärande' }).waitFor();
    const registration = (person: { name: string }) =>
      page.locator('tbody tr').filter({ has: page.getByRole('cell', { name: person.name, exact: true }) });
    await expect.poll(() => registration(first).textContent()).toContain('Bekräftad');
    await expect.poll(() => registration(second).textContent()).toContain('Väntelista, plats 1');
    await expectAccessible(page, 'a meeting with a waitlist');
    await page.getByRole('button', { name: `Avbryt anmälan för ${first.name}` }).click();
    const cancel = page.getByRole('dialog', { name: `Avbryt anmälan för ${first.name}?` });
    await cancel.waitFor();
    await expectAccessible(page, 'cancel a registration, asked first');
    await cancel.locator('[data-test="confirm"]').click();
    await cancel.waitFor({ state: 'detached' });
    await page.getByText(`Anmälan för ${first.name} är avbruten.`).waitFor();
    await expect.poll(() => registration(second).textContent()).toContain('Bekräftad');
    expect(await registration(first).count()).toBe(0);

    // The new member is registered by the administrator: the place is taken, so they queue.
    await page.getByLabel('Anmäl en medlem').selectOption({ label: newcomer.name });
    await page.locator('[data-test="register-member"]').click();
    await expect.poll(() => registration(newcomer).textContent()).toContain('Väntelista, plats 1');
    await expectAccessible(page, 'a meeting after a cancellation and a registration');
    expect(errors).toEqual([]);
  }, 180_000);

  it('does not show an organisation admin Administration, and /admin does not open the audit trail for them', async () => {
    const page = await portal.newPage();
    await page.goto('/');
    await signIn(page, ORGANISATION_ADMIN.email, ORGANISATION_ADMIN.password);
    const menu = page.locator('nav[aria-label="Huvudmeny"] a');
    await expect.poll(() => menu.count()).toBeGreaterThan(0);
    expect(await menu.allTextContents()).not.toContain('Administration');
    await page.goto('/admin/audit');
    await expect.poll(() => new URL(page.url()).pathname).not.toMatch(/^\/admin/);
    await page.locator('main h1').first().waitFor();
    expect(await page.getByRole('heading', { name: 'Granskningslogg' }).count()).toBe(0);
    await expectAccessible(page, 'an organisation admin after /admin');
    expect(errors).toEqual([]);
  });
});
