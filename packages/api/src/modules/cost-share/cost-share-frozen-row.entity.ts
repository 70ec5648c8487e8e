import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Organisation } from '../organisation/organisation.entity.js';
import { CostShareGroup } from './cost-share.enums.js';
import { CostShareYear } from './cost-share-year.entity.js';

/** A member's share of a frozen year, kept as computed: later changes to populations or indexes do not touch it. */
@Entity({ tableName: 'cost_share_frozen_row' })
export class CostShareFrozenRow {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => CostShareYear, { ref: true, deleteRule: 'cascade' })
  costShareYear!: Ref<CostShareYear>;

  /** Null when the organisation was removed later; its name stays. */
  @ManyToOne(() => Organisation, { ref: true, nullable: true, deleteRule: 'set null' })
  organisation!: Ref<Organisation> | null;

  @Property({ type: 'text' })
  organisationName!: string;

  @Enum({ items: () => CostShareGroup, type: 'text' })
  group!: CostShareGroup;

  @Property({ type: 'double' })
  keyValue!: number;

  @Property({ type: 'double' })
  participation!: number;

  @Property({ type: 'double' })
  keyShare!: number;

  @Property({ type: 'double' })
  exactShare!: number;

  @Property({ type: 'integer' })
  amount!: number;

  @Property({ type: 'integer' })
  rounding!: number;
}
