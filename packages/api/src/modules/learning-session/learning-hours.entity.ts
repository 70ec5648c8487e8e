import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Person } from '../person/person.entity.js';
import { Workplace } from '../workplace/workplace.entity.js';
import { LearningAttestation } from './learning-attestation.entity.js';
import { LearningSession } from './learning-session.entity.js';

/** A participant's hours at a learning session, and the two attestation steps that cover them. */
@Entity({ tableName: 'learning_hours' })
export class LearningHours {
  [OptionalProps]?: 'confirmation' | 'attestation' | 'anonymisedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => LearningSession, { ref: true, deleteRule: 'cascade' })
  session!: Ref<LearningSession>;

  @ManyToOne(() => Person, { ref: true })
  person!: Ref<Person>;

  @ManyToOne(() => Workplace, { ref: true })
  workplace!: Ref<Workplace>;

  /** The session's day, copied so months and days are summed without the session. */
  @Property({ type: 'date' })
  heldOn!: string;

  /** YYYY-MM of `heldOn`. */
  @Property({ type: 'text' })
  month!: string;

  /** The participant's time, in whole minutes (the API speaks hours). */
  @Property({ type: 'integer' })
  minutes!: number;

  @ManyToOne(() => LearningAttestation, { ref: true, nullable: true, fieldName: 'confirmation_id' })
  confirmation: Ref<LearningAttestation> | null = null;

  @ManyToOne(() => LearningAttestation, { ref: true, nullable: true, fieldName: 'attestation_id' })
  attestation: Ref<LearningAttestation> | null = null;

  /** Set when the participant was erased and the attested row kept for the funder's audit. */
  @Property({ type: 'datetime', nullable: true })
  anonymisedAt: Date | null = null;
}
