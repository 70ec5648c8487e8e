/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// page.evaluate callbacks run in the browser, hence the DOM types.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.js';
import { signIn, signOut } from './support/pages.js';
import { usePortal } from './support/portal-harness.js';
import { DEMO_ADMINISTRATOR } from './support/portal-server.js';

describe('portal journeys in headless Chromium', () => {
  const portal = usePortal();
  const { errors } = portal;
  const newPage = () => portal.newPage();

  it('the administrator signs in from a deep link and sees the 14 member organisations, searchable and sortable from the URL', async () => {
    const page = await newPage();
    await page.goto('/directory/organisations');
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await expectAccessible(page, 'sign-in');

    await signIn(page, DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
    await page.getByRole('heading', { name: 'Medlemsorganisationer' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/directory/organisations');
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(14);
    await expect.poll(() => page.getByText('Visar 1–14 av 14').isVisible()).toBe(true);
    expect(await page.locator('nav[aria-label="Huvudmeny"] a').allTextContents()).toEqual([
      'Register',
      'Utbildning',
      'Nätverk',
      'Verksamhet',
      'Administration',
      'Mina sidor',
    ]);
    await expectAccessible(page, 'organisations');

    await page.getByLabel('Sök på namn eller organisationsnummer').fill('kinda');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('q')).toBe('kinda');
    await expect.poll(() => rows.first().textContent()).toContain('Kinda');

    await page.goto('/directory/organisations?q=nonexistent-organisation');
    await page.getByText('Inga organisationer matchar sökningen.').waitFor();
    await expectAccessible(page, 'organisations, empty');

    await page.goto('/directory/organisations');
    const firstAscending = await rows.first().textContent();
    await page.getByRole('button', { name: /^Namn/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('dir')).toBe('DESC');
    await expect.poll(() => rows.first().textContent()).not.toBe(firstAscending);
    const firstDescending = await rows.first().textContent();
    // A bookmark of the view opens the same view.
    await page.reload();
    await expect.poll(() => rows.first().textContent()).toBe(firstDescending);
    expect(await page.locator('th[aria-sort="descending"]').count()).toBe(1);

    // Reflow (WCAG 1.4.10): at 320 CSS pixels the page does not scroll sideways; the table scrolls in its own region.
    await page.setViewportSize({ width: 320, height: 640 });
    const wide = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > 320.5 && !el.closest('.ek-table__scroll *'))
          .map((el) => `${el.tagName}.${el.className}`),
      );
    await expect.poll(wide).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectAccessible(page, 'organisations at 320 px');
    expect(errors).toEqual([]);
  });

  it('switches to English and back; the choice stays after signing out and in again, and is kept on the person', async () => {
    const page = await newPage();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    await page.locator('[data-test="language-en"]').click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expectAccessible(page, 'sign-in (en)');

    await signIn(page, DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
    await page.getByRole('heading', { name: 'Member organisations' }).waitFor();
    expect(await page.locator('nav[aria-label="Main menu"] a').first().textContent()).toBe('Directory');
    await expectAccessible(page, 'organisations (en)');
    await signOut(page);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signIn(page, DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
    await page.getByRole('heading', { name: 'Member organisations' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    // The choice is kept on the person: a fresh browser profile (empty localStorage) gets it on signing in.
    const elsewhere = await newPage();
    await elsewhere.goto('/');
    await elsewhere.getByRole('heading', { name: 'Logga in' }).waitFor();
    expect(await elsewhere.evaluate(() => localStorage.length)).toBe(0);
    await signIn(elsewhere, DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
    await elsewhere.getByRole('heading', { name: 'Member organisations' }).waitFor();
    expect(await elsewhere.getAttribute('html', 'lang')).toBe('en');

    const saved = page.waitForResponse(
      (response) => response.url().endsWith('/graphql') && !!response.request().postData()?.includes('LanguageSave'),
    );
    await page.locator('[data-test="language-sv"]').click();
    await page.getByRole('heading', { name: 'Medlemsorganisationer' }).waitFor();
    expect((await saved).ok()).toBe(true);
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    // Switching back while signed in is saved on the person too (the journeys after this one expect Swedish).
    const again = await newPage();
    await again.goto('/');
    await signIn(again, DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
    await again.getByRole('heading', { name: 'Medlemsorganisationer' }).waitFor();
    expect(await again.getAttribute('html', 'lang')).toBe('sv');
    expect(errors).toEqual([]);
  });

  it('keeps the shell and the other microfrontends working when one remote entry answers 404', async () => {
    const page = await newPage();
    await page.route('**/mf/networks/remoteEntry.js', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.goto('/networks');
    await signIn(page, DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
    const failed = page.locator('[data-test="remote-failed"]');
    await failed.waitFor();
    expect(await failed.textContent()).toContain('kunde inte laddas');
    expect(new URL(page.url()).pathname).toBe('/networks');
    await expectAccessible(page, 'networks (failed)');

    await page.locator('[data-test="nav-training"]').click();
    await page.getByRole('heading', { name: 'Utbildning' }).waitFor();
    expect(await page.locator('[data-test="training-home"]').textContent()).toContain('Program och omgångar');
    await expectAccessible(page, 'training');
    await page.locator('[data-test="nav-directory"]').click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(14);
    await page.locator('[data-test="nav-admin"]').click();
    await page.getByRole('heading', { name: 'Granskningslogg' }).waitFor();
    await page.locator('.ek-table, .ek-state--empty').first().waitFor();
    await expectAccessible(page, 'admin');
    await page.locator('[data-test="nav-me"]').click();
    await page.getByRole('heading', { name: 'Mina anmälningar' }).waitFor();
    await expectAccessible(page, 'me');
    // Still broken, still said so, and the shell around it still works.
    await page.locator('[data-test="nav-networks"]').click();
    await failed.waitFor();
  });

  it('shows a person without roles only "Me"', async () => {
    const personId = randomUUID();
    const connection = portal.api.orm.em.getConnection();
    const [home] = await connection.execute(`select id from organisation where name like 'Kinda%' limit 1`);
    await connection.execute(
      `insert into person (id, first_name, last_name, email, home_organisation_id) values (?, 'Utan', 'Roller', 'utan.roller@kinda.se', ?)`,
      [personId, home!.id],
    );
    await portal.api.createAccount(Buffer.from(`Person:${personId}`).toString('base64url'), 'utan-roller-123');
    const page = await newPage();
    await page.goto('/');
    await signIn(page, 'utan.roller@kinda.se', 'utan-roller-123');
    await page.getByRole('heading', { name: 'Mina sidor' }).waitFor();
    expect(await page.locator('nav[aria-label="Huvudmeny"] a').allTextContents()).toEqual(['Mina sidor']);
    await page.getByRole('heading', { name: 'Mina anmälningar' }).waitFor();
    await expectAccessible(page, 'me, a person without roles');
    await page.goto('/directory/organisations');
    await page.getByRole('heading', { name: 'Mina sidor' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/me');
    await page.getByRole('heading', { name: 'Mina anmälningar' }).waitFor();
    await expectAccessible(page, 'me, a person without roles after /directory');
    expect(errors).toEqual([]);
  });

  it('when the session ends mid-visit, signing in again lands where the person was', async () => {
    const page = await newPage();
    await page.goto('/directory/organisations?sort=NAME&dir=DESC');
    await signIn(page, DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
    await page.getByRole('heading', { name: 'Medlemsorganisationer' }).waitFor();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(14);

    // Signed out in another tab: this tab still shows the page, and its next request is refused.
    const otherTab = await page.context().newPage();
    await otherTab.goto('/me');
    await otherTab.locator('[data-test="sign-out"]').click();
    await otherTab.locator('[data-test="sign-in-form"]').waitFor();
    await otherTab.close();

    await page.getByLabel('Sök på namn eller organisationsnummer').fill('motala');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    const signInUrl = new URL(page.url());
    expect(signInUrl.pathname).toBe('/sign-in');
    const redirect = new URL(signInUrl.searchParams.get('redirect') ?? '', portal.api.url);
    expect(redirect.pathname).toBe('/directory/organisations');
    expect(Object.fromEntries(redirect.searchParams)).toMatchObject({ dir: 'DESC', q: 'motala' });
    await page.getByText('Din session har gått ut', { exact: false }).waitFor();
    await expectAccessible(page, 'sign-in after the session ended');

    await signIn(page, DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
    await page.getByRole('heading', { name: 'Medlemsorganisationer' }).waitFor();
    const back = new URL(page.url());
    expect(back.pathname).toBe('/directory/organisations');
    expect(back.search).toBe(redirect.search);
    await expect.poll(() => page.locator('tbody tr').first().textContent()).toContain('Motala');
    await expectAccessible(page, 'organisations, back after signing in again');
    expect(errors).toEqual([]);
  });

  it('signs in with the keyboard alone, showing the wrong password on the form first', async () => {
    const page = await newPage();
    await page.goto('/sign-in');
    await page.locator('[data-test="sign-in-form"]').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('ek-skip-link');
    for (let i = 0; i < 6 && (await page.evaluate(() => document.activeElement?.id)) !== 'sign-in-email'; i++)
      await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sign-in-email');
    await page.keyboard.type(DEMO_ADMINISTRATOR.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('wrong-password');
    await page.keyboard.press('Enter');
    await page.getByText('Fel e-postadress eller lösenord.').waitFor();
    await expectAccessible(page, 'sign-in with an error');

    await page.locator('#sign-in-password').focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(DEMO_ADMINISTRATOR.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Medlemsorganisationer' }).waitFor();
    // The new page takes the focus to its content; the skip link leads there from the top too.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.reload();
    await page.getByRole('heading', { name: 'Medlemsorganisationer' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('ek-skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });
});
