import { randomUUID } from 'node:crypto';
import { Entity, EntityRepositoryType, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { CostShareKeyKind } from './cost-share.enums.js';
import { CostShareRepository } from './cost-share.repository.js';

/** One calendar year's inputs to the cost sharing, and whether its shares are frozen as the basis for invoices. */
@Entity({ tableName: 'cost_share_year', repository: () => CostShareRepository })
export class CostShareYear {
  [EntityRepositoryType]?: CostShareRepository;
  [OptionalProps]?: 'baseCost' | 'priceIndex' | 'keyKind' | 'frozenAt' | 'frozenTotal' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'integer' })
  year!: number;

  /** The model's cost for this year in whole kronor when entered directly (the base year, 2022); else indexed. */
  @Property({ type: 'integer', nullable: true })
  baseCost: number | null = null;

  /** The consumer price index (KPI) of the year. */
  @Property({ type: 'double', nullable: true })
  priceIndex: number | null = null;

  @Enum({ items: () => CostShareKeyKind, type: 'text' })
  keyKind: CostShareKeyKind = CostShareKeyKind.POPULATION;

  @Property({ type: 'datetime', nullable: true })
  frozenAt: Date | null = null;

  /** The total the frozen shares add up to. */
  @Property({ type: 'integer', nullable: true })
  frozenTotal: number | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
