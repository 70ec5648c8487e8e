import { randomUUID } from 'node:crypto';
import { Entity, EntityRepositoryType, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Programme } from '../cohort/programme.entity.js';
import { NetworkStatus } from './network.enums.js';
import { NetworkRepository } from './network.repository.js';

/** A network, e.g. "Lärande chefsnätverk Norrköping" or "Nätverk för arbetsplatskoordinatorer". */
@Entity({ tableName: 'network', repository: () => NetworkRepository })
export class Network {
  [EntityRepositoryType]?: NetworkRepository;
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
