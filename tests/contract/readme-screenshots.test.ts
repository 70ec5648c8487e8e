import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS } from '../e2e/support/screenshots.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The images the README shows from docs/screenshots/, in order. */
function readmeScreenshots(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(/!\[[^\]]*\]\((docs\/screenshots\/[^)\s]+)\)/g)].map((match) => match[1]!);
}

describe("the README's screenshots", () => {
  it('are the pages `npm run screenshots` takes, in the same order', () => {
    expect(readmeScreenshots()).toEqual(SCREENSHOTS.map((shot) => `docs/screenshots/${shot.file}`));
  });

  it.each(readmeScreenshots())('%s is in the repository, a PNG image', (path) => {
    const file = join(ROOT, path);
    expect(existsSync(file), `${path} is missing: run npm run screenshots`).toBe(true);
    expect(readFileSync(file).subarray(0, 8).equals(PNG_SIGNATURE), `${path} is not a PNG`).toBe(true);
  });
});
