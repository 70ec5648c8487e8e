import { randomUUID } from 'node:crypto';
import { Entity, EntityRepositoryType, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';
import { NetworkRole } from './network.enums.js';
import { Network } from './network.entity.js';
import { NetworkMembershipRepository } from './network-membership.repository.js';

/** A period of membership; leaving ends it, and joining again starts a new one (history is kept). */
@Entity({ tableName: 'network_membership', repository: () => NetworkMembershipRepository })
export class NetworkMembership {
  [EntityRepositoryType]?: NetworkMembershipRepository;
  [OptionalProps]?: 'joinedAt' | 'leftAt' | 'addedByPersonId' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Network, { ref: true })
  network!: Ref<Network>;

  @ManyToOne(() => Person, { ref: true })
  person!: Ref<Person>;

  /** The organisation the membership counts for (statistics): the person's when they joined. */
  @ManyToOne(() => Organisation, { ref: true })
  organisation!: Ref<Organisation>;

  @Enum({ items: () => NetworkRole, type: 'text' })
  role!: NetworkRole;

  @Property({ type: 'datetime' })
  joinedAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  leftAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  addedByPersonId: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
