import type { MikroORM } from '@mikro-orm/postgresql';
import { Agreement } from '../modules/agreement/agreement.entity.js';
import { AgreementService } from '../modules/agreement/agreement.enums.js';
import { Organisation } from '../modules/organisation/organisation.entity.js';
import { CostShareYear } from '../modules/cost-share/cost-share-year.entity.js';
import type { SeedDirectory } from './demo-data.js';

/**
 * Illustrative consumer price index values (KPI, 1980 = 100) for the demo: near the published yearly averages, not
 * a source to invoice from. Real figures are entered by the administrators.
 */
const DEMO_PRICE_INDEX: Record<number, number> = { 2022: 379.3, 2023: 403.5, 2024: 414.2, 2025: 417.6 };

/**
 * The members' cooperation agreements as the decisions describe them (signed in autumn 2022, a first period
 * 2023–2025, then rolling with one year's notice, every service), and the cost inputs from 2022: the yearly cost of
 * 7,106,957 SEK and an index per year, so the demo's cost shares for 2023–2025 can be computed at once.
 */
export async function seedDemoAgreements(orm: MikroORM, directory: SeedDirectory): Promise<void> {
  const em = orm.em.fork();
  for (const organisation of directory.organisations) {
    em.create(Agreement, {
      organisation: em.getReference(Organisation, organisation.id),
      signedOn: '2022-11-24',
      startsOn: '2023-01-01',
      firstPeriodEndsOn: '2025-12-31',
      noticePeriodMonths: 12,
      services: Object.values(AgreementService),
    });
  }
  for (const [year, priceIndex] of Object.entries(DEMO_PRICE_INDEX)) {
    em.create(CostShareYear, { year: Number(year), priceIndex, baseCost: Number(year) === 2022 ? 7_106_957 : null });
  }
  await em.flush();
}
