import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.js';
import { signIn } from './support/pages.js';
import { usePortal } from './support/portal-harness.js';
import { SCREENSHOTS } from './support/screenshots.js';

// `npm run screenshots` sets SCREENSHOTS_DIR to docs/screenshots (the README's images); the test command writes them
// under test-results/, so a run of the tests leaves the working tree as it was.
const OUT = process.env.SCREENSHOTS_DIR ?? fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

describe("the README's screenshots of the portal", () => {
  const portal = usePortal();

  it.each(SCREENSHOTS)('$file: $path', async (shot) => {
    mkdirSync(OUT, { recursive: true });
    const page = await portal.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    const target = shot.lookup && shot.as ? await shot.lookup(await portal.api.signIn(shot.as.email, shot.as.password)) : shot;
    await page.goto(shot.as ? '/sign-in' : target.path);
    if (shot.as) {
      await signIn(page, shot.as.email, shot.as.password);
      await page.goto(target.path);
    }
    await page.getByRole('heading', { name: target.heading, exact: true }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, shot.file);
    await page.screenshot({ path: join(OUT, shot.file), fullPage: false });
    expect(portal.errors).toEqual([]);
  });
});
