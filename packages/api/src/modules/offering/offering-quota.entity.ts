import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/postgresql';
import { Organisation } from '../organisation/organisation.entity.js';
import { Offering } from './offering.entity.js';

/** Places of an offering reserved for one member organisation until the offering's release date. */
@Entity({ tableName: 'offering_quota' })
export class OfferingQuota {
  @ManyToOne(() => Offering, { primary: true, ref: true, deleteRule: 'cascade' })
  offering!: Ref<Offering>;

  @ManyToOne(() => Organisation, { primary: true, ref: true })
  organisation!: Ref<Organisation>;

  @Property({ type: 'integer' })
  places!: number;
}
