import { randomUUID } from 'node:crypto';
import { Entity, EntityRepositoryType, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';
import { Workplace } from '../workplace/workplace.entity.js';
import { EmploymentRepository } from './staff.repository.js';

/** A person's employment at a workplace (from, until), with an optional employee number and title. Ended ones stay as history. */
@Entity({ tableName: 'employment', repository: () => EmploymentRepository })
export class Employment {
  [EntityRepositoryType]?: EmploymentRepository;
  [OptionalProps]?: 'endsOn' | 'employeeNumber' | 'title' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Person, { ref: true, deleteRule: 'cascade' })
  person!: Ref<Person>;

  @ManyToOne(() => Workplace, { ref: true, deleteRule: 'cascade' })
  workplace!: Ref<Workplace>;

  /** The workplace's organisation, for the employee-number index and organisation-wide imports. */
  @ManyToOne(() => Organisation, { ref: true, deleteRule: 'cascade' })
  organisation!: Ref<Organisation>;

  /** YYYY-MM-DD: the first day employed. */
  @Property({ type: 'date' })
  startsOn!: string;

  /** YYYY-MM-DD: the last day employed; null while it lasts. */
  @Property({ type: 'date', nullable: true })
  endsOn: string | null = null;

  @Property({ type: 'text', nullable: true })
  employeeNumber: string | null = null;

  @Property({ type: 'text', nullable: true })
  title: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
