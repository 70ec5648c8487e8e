import { randomUUID } from 'node:crypto';
import { Entity, EntityRepositoryType, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Cohort } from '../cohort/cohort.entity.js';
import { Network } from '../network/network.entity.js';
import { Person } from '../person/person.entity.js';
import { CalendarFeedRepository } from './calendar-feed.repository.js';

/** What a feed shows. */
export enum CalendarFeedKind {
  /** The sessions of everything its person holds a place in. */
  PERSON = 'PERSON',
  /** All sessions of one cohort. */
  COHORT = 'COHORT',
  /** All meetings of one network. */
  NETWORK = 'NETWORK',
}

/**
 * A secret iCalendar URL. Calendar apps send no cookies, so the token in the URL is the credential;
 * only its SHA-256 is kept. Every feed belongs to a person (its subject for PERSON feeds, whoever
 * asked for it otherwise), who may revoke it and with whom it is erased.
 */
@Entity({ tableName: 'calendar_feed', repository: () => CalendarFeedRepository })
export class CalendarFeed {
  [EntityRepositoryType]?: CalendarFeedRepository;
  [OptionalProps]?: 'cohort' | 'network' | 'createdByPersonId' | 'createdAt' | 'revokedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Enum({ items: () => CalendarFeedKind, type: 'text' })
  kind!: CalendarFeedKind;

  /** Whose feed it is. */
  @ManyToOne(() => Person, { ref: true })
  person!: Ref<Person>;

  /** The cohort of a COHORT feed. */
  @ManyToOne(() => Cohort, { ref: true, nullable: true })
  cohort: Ref<Cohort> | null = null;

  /** The network of a NETWORK feed. */
  @ManyToOne(() => Network, { ref: true, nullable: true })
  network: Ref<Network> | null = null;

  @Property({ type: 'text', hidden: true })
  tokenHash!: string;

  @Property({ type: 'uuid', nullable: true })
  createdByPersonId: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;
}
