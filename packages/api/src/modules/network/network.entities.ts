import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, OneToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Programme } from '../cohort/cohort.entities.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';
import { Offering } from '../registration/registration.entities.js';

export enum NetworkStatus {
  ACTIVE = 'ACTIVE',
  CLOSED = 'CLOSED',
}

export enum NetworkRole {
  MEMBER = 'MEMBER',
  /** Leads the network's meetings (processledare). */
  FACILITATOR = 'FACILITATOR',
}

/** A network, e.g. "Lärande chefsnätverk Norrköping" or "Nätverk för arbetsplatskoordinatorer". */
@Entity({ tableName: 'network' })
export class Network {
  [OptionalProps]?:
    'description' | 'audienceRoles' | 'audienceOrganisationIds' | 'prerequisiteProgramme' | 'status' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  /** Roles one of which a member must hold; empty: anyone. */
  @Property({ type: 'text[]' })
  audienceRoles: string[] = [];

  /** Organisations members must belong to; empty: all. */
  @Property({ type: 'uuid[]' })
  audienceOrganisationIds: string[] = [];

  /** A programme members must have completed first. */
  @ManyToOne(() => Programme, { ref: true, nullable: true })
  prerequisiteProgramme: Ref<Programme> | null = null;

  @Enum({ items: () => NetworkStatus, type: 'text' })
  status: NetworkStatus = NetworkStatus.ACTIVE;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** A period of membership; leaving ends it, and joining again starts a new one (history is kept). */
@Entity({ tableName: 'network_membership' })
export class NetworkMembership {
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

/** A meeting of a network; members register for it through its offering (capacity optional). */
@Entity({ tableName: 'network_meeting' })
export class NetworkMeeting {
  [OptionalProps]?: 'description' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Network, { ref: true })
  network!: Ref<Network>;

  @OneToOne(() => Offering, { ref: true, owner: true })
  offering!: Ref<Offering>;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
