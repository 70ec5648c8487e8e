import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/postgresql';
import { Organisation } from '../organisation/organisation.entity.js';
import { CostShareYear } from './cost-share-year.entity.js';

/** A member's weight in a year's distribution key, when the key is entered as weights. */
@Entity({ tableName: 'cost_share_weight' })
export class CostShareWeight {
  @ManyToOne(() => CostShareYear, { primary: true, ref: true, deleteRule: 'cascade' })
  costShareYear!: Ref<CostShareYear>;

  @ManyToOne(() => Organisation, { primary: true, ref: true, deleteRule: 'cascade' })
  organisation!: Ref<Organisation>;

  @Property({ type: 'double' })
  weight!: number;
}
