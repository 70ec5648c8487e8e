import { randomUUID } from 'node:crypto';
import { Entity, EntityRepositoryType, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Network } from './network.entity.js';
import { NetworkMeetingRepository } from './network-meeting.repository.js';

/** A meeting of a network; members register for it through its offering (capacity optional). */
@Entity({ tableName: 'network_meeting', repository: () => NetworkMeetingRepository })
export class NetworkMeeting {
  [EntityRepositoryType]?: NetworkMeetingRepository;
  [OptionalProps]?: 'description' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Network, { ref: true })
  network!: Ref<Network>;

  /**
   * The offering behind it (places, its one session, registrations), by id: owners go through the offering module's service and never name
   * its entities; the relation (by entity name) only orders the inserts.
   */
  @ManyToOne({ entity: 'Offering', mapToPk: true, fieldName: 'offering_id' })
  offeringId!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
