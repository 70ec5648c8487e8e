import type { Page } from 'playwright-core';

/** Signs in through the form, as a person would, and waits for the page behind it. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel(/E-postadress|E-mail address/).fill(email);
  await page.getByLabel(/^(Lösenord|Password)/).fill(password);
  await page.locator('[data-test="sign-in-submit"]').click();
  await page.locator('[data-test="sign-out"]').waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.locator('[data-test="sign-out"]').click();
  await page.locator('[data-test="sign-in-form"]').waitFor();
}
