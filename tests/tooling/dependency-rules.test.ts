// The architecture rules in .dependency-cruiser.cjs, checked against small fixture trees that mirror the API's
// layout: each rule must report its planted violation, and the clean tree must pass.
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixtures/dependency-rules/', import.meta.url));

/** Cruises `packages/api/src` of one fixture tree with the repository's own configuration. */
async function violationsIn(fixture: 'violations' | 'clean'): Promise<IViolation[]> {
  const options = await extractDepcruiseOptions(`${REPO_ROOT}.dependency-cruiser.cjs`);
  const tsConfigFile = options.tsConfig?.fileName;
  const result = await cruise(
    ['packages/api/src'],
    { ...options, validate: true, baseDir: `${FIXTURES}${fixture}`, outputType: 'json' },
    {},
    tsConfigFile ? { tsConfig: extractTSConfig(tsConfigFile) } : {},
  );
  const output: ICruiseResult = typeof result.output === 'string' ? (JSON.parse(result.output) as ICruiseResult) : result.output;
  return output.summary.violations;
}

const describeViolation = (violation: IViolation): string => `${violation.rule.name}: ${violation.from} → ${violation.to}`;

describe('dependency rules', () => {
  it('reports each planted violation under its rule, as an error', async () => {
    const violations = await violationsIn('violations');
    const byRule = (name: string) => violations.filter((violation) => violation.rule.name === name).map(describeViolation);

    expect(byRule('platform-imports-no-module')).toEqual([
      'platform-imports-no-module: packages/api/src/platform/x.ts → packages/api/src/modules/foo/foo.service.ts',
    ]);
    expect(byRule('owners-use-offering-service')).toEqual([
      'owners-use-offering-service: packages/api/src/modules/cohort/cohort.service.ts → packages/api/src/modules/offering/offering.entity.ts',
    ]);
    // Both resolve into node_modules (or stay bare names where a package is not installed for the tests).
    const serviceImports = byRule('services-import-no-graphql');
    expect(serviceImports).toHaveLength(2);
    expect(serviceImports.some((line) => /foo\.service\.ts → .*node_modules\/graphql\//.test(line))).toBe(true);
    expect(serviceImports.some((line) => /foo\.service\.ts → (.*node_modules\/)?type-graphql/.test(line))).toBe(true);

    const cycles = violations.filter((violation) => violation.rule.name === 'no-module-cycles');
    expect(cycles.length).toBeGreaterThan(0);
    for (const cycle of cycles) {
      expect(cycle.from).toMatch(/^packages\/api\/src\/modules\/(a|b)\//);
      expect(cycle.cycle?.map((step) => step.name)).toEqual(
        expect.arrayContaining([expect.stringMatching(/modules\/a\/a\.ts$/), expect.stringMatching(/modules\/b\/b\.ts$/)]),
      );
    }
    // The cycle inside modules/c stays inside one module: tolerated.
    expect(violations.filter((violation) => violation.from.includes('/modules/c/'))).toEqual([]);

    expect(violations.every((violation) => violation.rule.severity === 'error')).toBe(true);
  });

  it('passes the clean tree, which uses the same layers the allowed way', async () => {
    expect((await violationsIn('clean')).map(describeViolation)).toEqual([]);
  });
});
