import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Person } from '../person/person.entity.js';
import { Workplace } from '../workplace/workplace.entity.js';
import { LearningSession } from './learning-session.entity.js';
import { LearningAttestationStep, LearningEvidenceMethod } from './learning-session.enums.js';

/**
 * One signed step of a participant's month at a workplace: the evidence the funder may audit. Who signed, when,
 * how they had signed in, from which address; for a paper list, the manager who signed it and who recorded it.
 */
@Entity({ tableName: 'learning_attestation' })
export class LearningAttestation {
  [OptionalProps]?: 'signedAt' | 'ipAddress' | 'recordedBy' | 'session' | 'signedBy';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Enum({ items: () => LearningAttestationStep, type: 'text' })
  step!: LearningAttestationStep;

  /** The participant whose hours the step covers. */
  @ManyToOne(() => Person, { ref: true, fieldName: 'participant_person_id' })
  participant!: Ref<Person>;

  @ManyToOne(() => Workplace, { ref: true })
  workplace!: Ref<Workplace>;

  @Property({ type: 'text' })
  month!: string;

  /** The minutes the step covered when it was signed. */
  @Property({ type: 'integer' })
  minutes!: number;

  /** Who signed: the participant (confirming), the manager (attesting, or the paper list's signer). */
  @ManyToOne(() => Person, { ref: true, nullable: true, fieldName: 'signed_by_person_id' })
  signedBy: Ref<Person> | null = null;

  @Property({ type: 'datetime' })
  signedAt: Date = new Date();

  @Enum({ items: () => LearningEvidenceMethod, type: 'text' })
  method!: LearningEvidenceMethod;

  @Property({ type: 'text', nullable: true })
  ipAddress: string | null = null;

  /** For a paper list: who recorded it in the system. */
  @ManyToOne(() => Person, { ref: true, nullable: true, fieldName: 'recorded_by_person_id' })
  recordedBy: Ref<Person> | null = null;

  /** For a paper list: the session it was recorded with. */
  @ManyToOne(() => LearningSession, { ref: true, nullable: true, deleteRule: 'set null' })
  session: Ref<LearningSession> | null = null;
}
