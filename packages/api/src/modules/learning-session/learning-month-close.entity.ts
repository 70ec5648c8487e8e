import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';

/** A closed month: county-wide (no organisation) or for one organisation. Nothing in it changes afterwards. */
@Entity({ tableName: 'learning_month_close' })
export class LearningMonthClose {
  [OptionalProps]?: 'organisation' | 'closedAt' | 'closedBy';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** YYYY-MM. */
  @Property({ type: 'text' })
  month!: string;

  @ManyToOne(() => Organisation, { ref: true, nullable: true })
  organisation: Ref<Organisation> | null = null;

  @ManyToOne(() => Person, { ref: true, nullable: true, fieldName: 'closed_by_person_id' })
  closedBy: Ref<Person> | null = null;

  @Property({ type: 'datetime' })
  closedAt: Date = new Date();
}
