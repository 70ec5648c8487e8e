import type { EntityManager } from '@mikro-orm/postgresql';
import type { ServiceContext } from '../../platform/context.js';
import { requireEntityId } from '../../platform/graphql/global-id.js';
import { unitOfWork } from '../../platform/unit-of-work.js';
import { assertValidInput } from '../../platform/validation.js';
import { daysInForce, daysInYear } from '../agreement/agreement-period.js';
import { OrganisationKind } from '../organisation/organisation.entity.js';
import { CostShareGroup, indexedCost, shareCost, type CostShareLine } from './cost-share-calculation.js';
import { CostShareFrozenRow } from './cost-share-frozen-row.entity.js';
import { CostShareWeight } from './cost-share-weight.entity.js';
import { CostShareYear } from './cost-share-year.entity.js';
import { CostShareKeyKind, CostShareMissingInput } from './cost-share.enums.js';
import { CostShareErrors } from './cost-share.errors.js';
import type { CostShareWeightsSetInput, CostShareYearFreezeInput, CostShareYearSetInput } from './cost-share.inputs.js';
import { CostSharePolicy } from './cost-share.policy.js';
import type { CostShareRepository } from './cost-share.repository.js';

/** Where a year's total comes from: entered directly, or a base year's cost indexed by KPI. */
export interface CostBasis {
  baseYear: number;
  baseCost: number;
  baseYearPriceIndex: number | null;
  priceIndex: number | null;
}

export interface CostShareRowView extends CostShareLine {
  /** Null for a frozen row whose organisation was removed. */
  organisationId: string;
  daysInForce: number | null;
}

/** A year's cost shares as they stand: frozen rows as stored, or computed now from the current inputs. */
export interface CostShareYearView {
  entity: CostShareYear;
  basis: CostBasis | null;
  totalCost: number | null;
  missing: CostShareMissingInput[];
  rows: CostShareRowView[];
  weights: CostShareWeight[];
}

export class CostShareService {
  constructor(private readonly ctx: ServiceContext) {}

  private get em(): EntityManager {
    return this.ctx.em;
  }

  private repository(em: EntityManager = this.em): CostShareRepository {
    return em.getRepository(CostShareYear);
  }

  private requireManager(): void {
    this.ctx.access.require(
      CostSharePolicy.of(this.ctx.access).canManage(),
      null,
      'Only administrators enter the cost inputs and freeze a year.',
    );
  }

  private requireReader(): void {
    this.ctx.access.requireToRead(
      CostSharePolicy.of(this.ctx.access).canRead(),
      'Only administrators and organisation admins read cost shares.',
    );
  }

  async years(): Promise<CostShareYear[]> {
    this.requireReader();
    return this.repository().findAllByYear();
  }

  async year(year: number): Promise<CostShareYearView | null> {
    this.requireReader();
    const entity = await this.repository().findByYear(year);
    return entity ? this.view(this.em, entity) : null;
  }

  async view(em: EntityManager, entity: CostShareYear): Promise<CostShareYearView> {
    const repository = this.repository(em);
    const weights = await repository.findWeights([entity.id]);
    const base = entity.baseCost !== null ? entity : await repository.findBaseFor(entity.year);
    const basis: CostBasis | null = base
      ? { baseYear: base.year, baseCost: base.baseCost!, baseYearPriceIndex: base.priceIndex, priceIndex: entity.priceIndex }
      : null;
    if (entity.frozenAt) {
      const rows = (await repository.findFrozenRows(entity.id)).map((row): CostShareRowView => ({
        organisationId: row.organisation?.id ?? '',
        name: row.organisationName,
        group: row.group,
        keyValue: row.keyValue,
        participation: row.participation,
        keyShare: row.keyShare,
        exactShare: row.exactShare,
        amount: row.amount,
        rounding: row.rounding,
        daysInForce: null,
      }));
      return { entity, basis, totalCost: entity.frozenTotal, missing: [], rows: sortRows(rows), weights };
    }

    const missing: CostShareMissingInput[] = [];
    let totalCost: number | null = null;
    if (!base) missing.push(CostShareMissingInput.BASE_COST);
    else if (base === entity) totalCost = entity.baseCost;
    else {
      if (base.priceIndex === null) missing.push(CostShareMissingInput.BASE_YEAR_PRICE_INDEX);
      if (entity.priceIndex === null) missing.push(CostShareMissingInput.PRICE_INDEX);
      if (base.priceIndex !== null && entity.priceIndex !== null)
        totalCost = indexedCost(base.baseCost!, base.priceIndex, entity.priceIndex);
    }

    const [organisations, populations, agreements] = await Promise.all([
      repository.findOrganisations(),
      repository.findPopulations(entity.year),
      repository.findAgreementsStartedBy(entity.year),
    ]);
    const keyOf = new Map<string, number>(
      entity.keyKind === CostShareKeyKind.WEIGHTS
        ? weights.map((weight) => [weight.organisation.id, weight.weight])
        : populations.map((figure) => [figure.organisation.id, figure.population]),
    );
    const days = new Map<string, number>();
    for (const agreement of agreements) {
      const id = agreement.organisation.id;
      days.set(id, (days.get(id) ?? 0) + daysInForce(agreement, entity.year));
    }
    const yearDays = daysInYear(entity.year);
    const members = organisations
      .filter((organisation) => (days.get(organisation.id) ?? 0) > 0)
      .map((organisation) => ({
        organisationId: organisation.id,
        name: organisation.name,
        group: organisation.kind === OrganisationKind.REGION ? CostShareGroup.REGION : CostShareGroup.MUNICIPALITIES,
        keyValue: keyOf.get(organisation.id) ?? 0,
        participation: Math.min(1, (days.get(organisation.id) ?? 0) / yearDays),
        daysInForce: Math.min(yearDays, days.get(organisation.id) ?? 0),
      }));
    if (!members.some((member) => member.keyValue > 0)) missing.push(CostShareMissingInput.DISTRIBUTION_KEY);
    if (missing.length > 0 || totalCost === null) return { entity, basis, totalCost, missing, rows: [], weights };
    const daysOf = new Map(members.map((member) => [member.organisationId, member.daysInForce]));
    const rows = shareCost(totalCost, members).map((line) => ({ ...line, daysInForce: daysOf.get(line.organisationId) ?? 0 }));
    return { entity, basis, totalCost, missing, rows, weights };
  }

  async setYear(input: CostShareYearSetInput): Promise<CostShareYear> {
    this.requireManager();
    await assertValidInput(input);
    return unitOfWork(this.ctx, 'costShareYearSet', async (em) => {
      const repository = this.repository(em);
      const entity = (await repository.findByYear(input.year)) ?? em.create(CostShareYear, { year: input.year });
      if (entity.frozenAt) throw CostShareErrors.frozen(entity.year);
      if (input.baseCost !== undefined) entity.baseCost = input.baseCost;
      if (input.priceIndex !== undefined) entity.priceIndex = input.priceIndex;
      if (input.keyKind) entity.keyKind = input.keyKind;
      return entity;
    });
  }

  async setWeights(input: CostShareWeightsSetInput): Promise<CostShareYear> {
    this.requireManager();
    await assertValidInput(input);
    const ids = input.weights.map((weight, index) =>
      requireEntityId(weight.organisationId, 'Organisation', `weights.${index}.organisationId`),
    );
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) throw CostShareErrors.duplicateOrganisation(`weights.${index}.organisationId`);
    });
    return unitOfWork(this.ctx, 'costShareWeightsSet', async (em) => {
      const repository = this.repository(em);
      const entity = (await repository.findByYear(input.year)) ?? em.create(CostShareYear, { year: input.year });
      if (entity.frozenAt) throw CostShareErrors.frozen(entity.year);
      const found = new Set((await repository.findOrganisationsByIds(ids)).map((organisation) => organisation.id));
      ids.forEach((id, index) => {
        if (!found.has(id)) throw CostShareErrors.organisationNotFound(`weights.${index}.organisationId`);
      });
      for (const weight of await repository.findWeights([entity.id])) em.remove(weight);
      // The removals go first: a weight given again for the same member is a new row with the same key.
      await em.flush();
      input.weights.forEach((weight, index) =>
        em.create(CostShareWeight, { costShareYear: entity, organisation: ids[index]!, weight: weight.weight }),
      );
      entity.keyKind = CostShareKeyKind.WEIGHTS;
      return entity;
    });
  }

  async freeze(input: CostShareYearFreezeInput): Promise<CostShareYear> {
    this.requireManager();
    await assertValidInput(input);
    return unitOfWork(this.ctx, 'costShareYearFreeze', async (em) => {
      const entity = await this.repository(em).findByYear(input.year);
      if (!entity) throw CostShareErrors.yearNotFound(input.year);
      if (entity.frozenAt) throw CostShareErrors.frozen(entity.year);
      const view = await this.view(em, entity);
      if (view.totalCost === null || view.missing.length > 0) throw CostShareErrors.incomplete(entity.year, view.missing);
      for (const row of view.rows) {
        em.create(CostShareFrozenRow, {
          costShareYear: entity,
          organisation: row.organisationId,
          organisationName: row.name,
          group: row.group,
          keyValue: row.keyValue,
          participation: row.participation,
          keyShare: row.keyShare,
          exactShare: row.exactShare,
          amount: row.amount,
          rounding: row.rounding,
        });
      }
      entity.frozenAt = new Date();
      entity.frozenTotal = view.totalCost;
      return entity;
    });
  }
}

const byName = new Intl.Collator('sv').compare;

function sortRows<T extends { group: CostShareGroup; name: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => (a.group === b.group ? byName(a.name, b.name) : a.group === CostShareGroup.REGION ? -1 : 1));
}
