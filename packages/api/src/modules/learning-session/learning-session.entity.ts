import { randomUUID } from 'node:crypto';
import { Entity, EntityRepositoryType, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';
import { Workplace } from '../workplace/workplace.entity.js';
import { LearningSessionType } from './learning-session.enums.js';
import { LearningSessionRepository } from './learning-session.repository.js';

/** A learning session held at a workplace: when, what kind, which modules, the teacher, and who registered it. */
@Entity({ tableName: 'learning_session', repository: () => LearningSessionRepository })
export class LearningSession {
  [EntityRepositoryType]?: LearningSessionRepository;
  [OptionalProps]?:
    | 'moduleIds'
    | 'teacherNeeded'
    | 'teacher'
    | 'funderReference'
    | 'registeredBy'
    | 'registeredAt'
    | 'cancelledAt'
    | 'cancelReason'
    | 'paperListSignedBy'
    | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Workplace, { ref: true })
  workplace!: Ref<Workplace>;

  /** The workplace's organisation, for month closes and scopes. */
  @ManyToOne(() => Organisation, { ref: true })
  organisation!: Ref<Organisation>;

  /** YYYY-MM-DD, the day in Sweden. */
  @Property({ type: 'date' })
  heldOn!: string;

  /** HH:MM, Swedish time. */
  @Property({ type: 'text' })
  startsAt!: string;

  /** HH:MM, Swedish time, after the start. */
  @Property({ type: 'text' })
  endsAt!: string;

  @Enum({ items: () => LearningSessionType, type: 'text' })
  type!: LearningSessionType;

  /** The catalogue's learning modules taught. */
  @Property({ type: 'uuid[]' })
  moduleIds: string[] = [];

  @Property({ type: 'boolean' })
  teacherNeeded: boolean = false;

  @ManyToOne(() => Person, { ref: true, nullable: true, fieldName: 'teacher_person_id' })
  teacher: Ref<Person> | null = null;

  /** The funder's project reference (e.g. the ESF project number) the hours are reported to; null when none. */
  @Property({ type: 'text', nullable: true })
  funderReference: string | null = null;

  @ManyToOne(() => Person, { ref: true, nullable: true, fieldName: 'registered_by_person_id' })
  registeredBy: Ref<Person> | null = null;

  @Property({ type: 'datetime' })
  registeredAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  cancelledAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  cancelReason: string | null = null;

  /** Recorded from a signed paper attendance list: the manager who signed it. */
  @ManyToOne(() => Person, { ref: true, nullable: true, fieldName: 'paper_list_signed_by_person_id' })
  paperListSignedBy: Ref<Person> | null = null;

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
