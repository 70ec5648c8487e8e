/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.js';
import { signIn } from './support/pages.js';
import { usePortal } from './support/portal-harness.js';
import { DEMO_ADMINISTRATOR } from './support/portal-server.js';

const PASSWORD = DEMO_ADMINISTRATOR.password;
const MANAGER = 'amira.henriksson@motala.se';

describe('action plans and the learning catalogue in the portal', () => {
  const portal = usePortal();

  /** The manager's workplace and a competence coordinator who may propose for it (one of its organisation's). */
  async function coordinatorFor(managerEmail: string): Promise<{ workplace: string; coordinatorEmail: string }> {
    const administrator = await portal.api.signIn(DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
    const people = await administrator(`query($q: String!) { people(filter: { search: $q }) { edges { node { id } } } }`, {
      q: managerEmail,
    });
    const personId = people.data!.people.edges[0].node.id;
    const roles = await administrator(
      `query($id: ID!) { roleAssignments(filter: { personId: $id, roles: [MANAGER] }) { edges { node { workplace { id name organisation { id } } } } } }`,
      { id: personId },
    );
    const workplace = roles.data!.roleAssignments.edges[0].node.workplace;
    const coordinators = await administrator(
      `query($id: ID!) { roleAssignments(first: 50, filter: { organisationId: $id, roles: [COMPETENCE_COORDINATOR] }) { edges { node { isActive person { email } } } } }`,
      { id: workplace.organisation.id },
    );
    const coordinator = coordinators.data!.roleAssignments.edges.find((edge: { node: { isActive: boolean } }) => edge.node.isActive);
    return { workplace: workplace.name, coordinatorEmail: coordinator.node.person.email };
  }

  it('a manager fills in and submits an action plan, a competence coordinator proposes a schedule, the manager accepts it', async () => {
    const { workplace, coordinatorEmail } = await coordinatorFor(MANAGER);
    const manager = await portal.newPage();
    await manager.goto('/sign-in');
    await signIn(manager, MANAGER, PASSWORD);
    await manager.locator('[data-test="nav-operations"]').click();
    await manager.getByRole('heading', { name: 'Handlingsplaner', level: 1 }).waitFor();
    expect(await manager.title()).toBe('Handlingsplaner – Evikomp');
    await manager.locator('[data-test="action-plan-new"]').waitFor();
    await expectAccessible(manager, 'action plans of a manager');

    await manager.getByLabel('Periodens första dag').fill('2027-07-01');
    await manager.getByLabel('Periodens sista dag').fill('2027-12-31');
    await manager.locator('[data-test="action-plan-create"]').click();
    await manager.getByRole('heading', { name: `Handlingsplan för ${workplace}`, level: 1 }).waitFor();
    await manager.locator('[data-test="plan-form"]').waitFor();
    await expectAccessible(manager, 'a draft action plan');

    await manager.getByLabel('Demens').check();
    await manager.getByLabel('Lågaffektivt bemötande').check();
    await manager.getByLabel('Antal medarbetare som vill validera sitt lärande').fill('5');
    await manager.getByLabel('Antal planerade lärtillfällen').fill('4');
    await manager.getByLabel('Lärarstöd vid lärtillfällena').check();
    await manager.getByLabel('Tolk eller språkstöd').check();
    await manager.getByLabel('Mer om behoven').fill('Tolk till arabiska.\nLokal saknas på onsdagar.');
    await manager.locator('[data-test="plan-submit"]').click();
    await expect.poll(() => manager.locator('[data-test="plan-status"]').textContent()).toBe('Steg: Inskickad');
    await expect.poll(() => manager.locator('[data-test="plan-form"]').count()).toBe(0);
    // The step history follows the status once its own query has refetched.
    await expect.poll(() => manager.locator('tbody').last().textContent()).toContain('Inskickad');
    await expectAccessible(manager, 'a submitted action plan');
    const planUrl = new URL(manager.url()).pathname;

    const coordinator = await portal.newPage();
    await coordinator.goto('/sign-in');
    await signIn(coordinator, coordinatorEmail, PASSWORD);
    await coordinator.goto(planUrl);
    await coordinator.locator('[data-test="plan-propose"]').waitFor();
    expect(await coordinator.locator('dl').textContent()).toContain('Tolk till arabiska.');
    await expectAccessible(coordinator, 'proposing a schedule');
    await coordinator.locator('#entry-0-date').fill('2027-08-19');
    await coordinator.locator('#entry-0-track').selectOption({ label: 'Demens' });
    await coordinator.locator('#entry-0-note').fill('Med lärare från Vård- och omsorgscollege');
    await coordinator.locator('[data-test="plan-add-entry"]').click();
    await coordinator.locator('#entry-1-date').fill('2027-10-14');
    await coordinator.locator('#entry-1-track').selectOption({ label: 'Lågaffektivt bemötande' });
    await coordinator.locator('[data-test="plan-propose-submit"]').click();
    await expect.poll(() => coordinator.locator('[data-test="plan-status"]').textContent()).toBe('Steg: Schema föreslaget');
    await expectAccessible(coordinator, 'a proposed schedule');

    await manager.reload();
    await manager.locator('[data-test="plan-accept"]').waitFor();
    expect(await manager.getByRole('region', { name: 'Föreslagna lärtillfällen' }).textContent()).toContain('2027-08-19');
    await expectAccessible(manager, 'a schedule to accept');
    await manager.locator('[data-test="plan-accept"]').click();
    await expect.poll(() => manager.locator('[data-test="plan-status"]').textContent()).toBe('Steg: Godkänd');
    const history = manager.getByRole('region', { name: 'Stegen i handlingsplanen' });
    await expect.poll(() => history.locator('tr').count()).toBe(5);
    const steps = await history.locator('tbody tr td:first-child').allTextContents();
    expect(steps.map((step) => step.trim())).toEqual(['Påbörjad', 'Inskickad', 'Schema föreslaget', 'Godkänd']);
    await expectAccessible(manager, 'an accepted action plan');
    expect(portal.errors).toEqual([]);
  });

  it('the administrator searches the catalogue, opens a track, reviews an import before confirming it, and exports', async () => {
    const page = await portal.newPage();
    await page.goto('/sign-in');
    await signIn(page, DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
    await page.goto('/operations/catalogue');
    await page.getByRole('heading', { name: 'Lärandekatalog', level: 1 }).waitFor();
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(4);
    await expectAccessible(page, 'catalogue');

    await page.getByLabel('Sök på titel eller nyckel').fill('lagaffektivt');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('lagaffektivt');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await page.getByRole('link', { name: 'Lågaffektivt bemötande' }).click();
    await page.getByRole('heading', { name: 'Lågaffektivt bemötande', level: 1 }).waitFor();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(3);
    await expectAccessible(page, 'a learning track');

    await page.goto('/operations/catalogue');
    await page.locator('[data-test="catalogue-import"]').click();
    await page.getByRole('heading', { name: 'Importera lärandekatalog', level: 1 }).waitFor();
    await expectAccessible(page, 'catalogue import');
    const header = 'kind;key;track_key;title;description;target_group;estimated_minutes;languages;status;owner;organisation_number;shared';
    const bad = `${header}\ntrack;NUT;;Nutrition;;;2 h;sv;published;;;\nmodule;NUT-01;NUT;Mat och måltider;;;en kvart;sv;published;;;\n`;
    await page
      .locator('[data-test="catalogue-file"]')
      .setInputFiles({ name: 'katalog.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.locator('[data-test="catalogue-review"]').click();
    await expect.poll(() => page.locator('[data-test="import-status"]').textContent()).toContain('1 rader har fel');
    expect(await page.locator('tbody').textContent()).toContain('estimated_minutes');
    expect(await page.locator('[data-test="catalogue-import-confirm"]').count()).toBe(0);
    await expectAccessible(page, 'an import review with an error');

    const good = bad.replace('en kvart', '15 min');
    await page
      .locator('[data-test="catalogue-file"]')
      .setInputFiles({ name: 'katalog.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.locator('[data-test="catalogue-review"]').click();
    await expect.poll(() => page.locator('[data-test="import-status"]').textContent()).toContain('1 nya spår');
    await page.locator('[data-test="catalogue-import-confirm"]').click();
    await page.getByRole('dialog').waitFor();
    await expectAccessible(page, 'import confirmation');
    await page.locator('[data-test="catalogue-import-do"]').click();
    await expect.poll(() => page.locator('[data-test="import-status"]').textContent()).toContain('Importen är klar');

    await page.goto('/operations/catalogue?q=nutrition');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="catalogue-export-csv"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^larandekatalog-\d{4}-\d{2}-\d{2}\.csv$/);
    const exported = await readFile((await download.path())!, 'utf8');
    expect(exported).toContain('module;NUT-01;NUT;Mat och måltider');
    expect(portal.errors).toEqual([]);
  });

  it('the administrator creates a track, adds a module, changes it and retires it after confirming', async () => {
    const page = await portal.newPage();
    await page.goto('/sign-in');
    await signIn(page, DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
    await page.goto('/operations/catalogue');
    await page.locator('[data-test="catalogue-new-track"]').click();
    await page.getByRole('heading', { name: 'Nytt lärandespår', level: 1 }).waitFor();
    await expectAccessible(page, 'new learning track');

    await page.getByLabel('Nyckel').fill('DEM');
    await page.getByLabel('Titel').fill('Munhälsa i hemtjänsten');
    await page.getByLabel('Beräknad tid i minuter').fill('120');
    await page.locator('[data-test="catalogue-item-save"]').click();
    // The demo catalogue has DEM already: the API's refusal shows on the key field.
    await expect.poll(() => page.locator('#catalogue-track-key-error').textContent()).toBe('Ett annat lärandespår har redan den nyckeln.');
    await expectAccessible(page, 'a learning track form with an error');
    await page.getByLabel('Nyckel').fill('MUN-1');
    await page.locator('[data-test="catalogue-item-save"]').click();
    await page.getByRole('heading', { name: 'Munhälsa i hemtjänsten', level: 1 }).waitFor();

    await page.locator('[data-test="module-new"]').click();
    await page.getByRole('heading', { name: 'Ny modul i Munhälsa i hemtjänsten', level: 1 }).waitFor();
    await page.getByLabel('Nyckel').fill('MUN-1-01');
    await page.getByLabel('Titel').fill('Tandborstning');
    await page.locator('[data-test="catalogue-item-save"]').click();
    await page.getByRole('heading', { name: 'Munhälsa i hemtjänsten', level: 1 }).waitFor();
    await expect.poll(() => page.locator('tbody').textContent()).toContain('Tandborstning');

    await page.getByRole('link', { name: 'Ändra Tandborstning' }).click();
    await page.getByRole('heading', { name: 'Ändra modulen Tandborstning', level: 1 }).waitFor();
    expect(await page.getByLabel('Nyckel').getAttribute('readonly')).not.toBeNull();
    await page.getByLabel('Titel').fill('Tandborstning och protes');
    await page.getByLabel('Status').selectOption('PUBLISHED');
    await page.locator('[data-test="catalogue-item-save"]').click();
    await expect.poll(() => page.locator('tbody').textContent()).toContain('Tandborstning och protes');
    await expect.poll(() => page.locator('tbody').textContent()).toContain('Publicerad');

    await page.getByRole('button', { name: 'Avsluta Tandborstning och protes' }).click();
    await page.getByRole('dialog').waitFor();
    await expectAccessible(page, 'retire confirmation');
    await page.locator('[data-test="retire-cancel"]').click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(await page.locator('tbody').textContent()).toContain('Publicerad');
    await page.getByRole('button', { name: 'Avsluta Tandborstning och protes' }).click();
    await page.locator('[data-test="retire-confirm"]').click();
    await expect.poll(() => page.locator('tbody').textContent()).toContain('Avslutad');
    expect(portal.errors).toEqual([]);
  });
});
