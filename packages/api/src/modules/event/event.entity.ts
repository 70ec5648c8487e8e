import { randomUUID } from 'node:crypto';
import { Entity, EntityRepositoryType, Enum, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { registerEnumType } from 'type-graphql';
import { EventRepository } from './event.repository.js';

export enum EventKind {
  /** Uppstart: the start of the work at a member organisation. */
  KICK_OFF = 'KICK_OFF',
  /** E.g. an information session for workplace coordinators. */
  INFORMATION_SESSION = 'INFORMATION_SESSION',
  OTHER = 'OTHER',
}

registerEnumType(EventKind, {
  name: 'EventKind',
  description: 'What kind of event.',
  valuesConfig: {
    KICK_OFF: { description: 'Uppstart: the start of the work at a member organisation.' },
    INFORMATION_SESSION: { description: 'An information session, e.g. for workplace coordinators.' },
    OTHER: { description: 'Another one-off gathering.' },
  },
});

/** A kick-off, an information session or another one-off gathering, on the registration engine. */
@Entity({ tableName: 'event', repository: () => EventRepository })
export class Event {
  [EntityRepositoryType]?: EventRepository;
  [OptionalProps]?: 'description' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /**
   * The offering behind it (places, sessions, registrations), by id: owners go through the offering module's service and never name
   * its entities; the relation (by entity name) only orders the inserts.
   */
  @ManyToOne({ entity: 'Offering', mapToPk: true, fieldName: 'offering_id' })
  offeringId!: string;

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
