import { randomUUID } from 'node:crypto';
import { Entity, EntityRepositoryType, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Programme } from './programme.entity.js';
import { CohortRepository } from './cohort.repository.js';

/** A round (omgång) of a programme that people register for, through its offering. */
@Entity({ tableName: 'cohort', repository: () => CohortRepository })
export class Cohort {
  [EntityRepositoryType]?: CohortRepository;
  [OptionalProps]?: 'description' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Programme, { ref: true })
  programme!: Ref<Programme>;

  /**
   * The offering behind it (places, sessions, registrations), by id: owners go through the offering module's service and never name
   * its entities; the relation (by entity name) only orders the inserts.
   */
  @ManyToOne({ entity: 'Offering', mapToPk: true, fieldName: 'offering_id' })
  offeringId!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
