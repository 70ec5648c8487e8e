import { randomUUID } from 'node:crypto';
import { Entity, Enum, OneToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Offering } from '../registration/registration.entities.js';

export enum EventKind {
  /** Uppstart: the start of the work at a member organisation. */
  KICK_OFF = 'KICK_OFF',
  /** E.g. an information session for workplace coordinators. */
  INFORMATION_SESSION = 'INFORMATION_SESSION',
  OTHER = 'OTHER',
}

/** A kick-off, an information session or another one-off gathering, on the registration engine. */
@Entity({ tableName: 'event' })
export class Event {
  [OptionalProps]?: 'description' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @OneToOne(() => Offering, { ref: true, owner: true })
  offering!: Ref<Offering>;

  @Enum({ items: () => EventKind, type: 'text' })
  kind!: EventKind;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
