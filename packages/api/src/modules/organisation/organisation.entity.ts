import { randomUUID } from 'node:crypto';
import {
  Collection,
  OptionalProps,
  Entity,
  EntityRepositoryType,
  Enum,
  ManyToOne,
  OneToMany,
  PrimaryKey,
  Property,
  type Ref,
} from '@mikro-orm/postgresql';
import { OrganisationRepository } from './organisation.repository.js';
import { OrganisationKind } from './organisation.enums.js';

export { OrganisationKind };

/** A member organisation (municipality, region, ...) under a cooperation agreement. */
@Entity({ tableName: 'organisation', repository: () => OrganisationRepository })
export class Organisation {
  [EntityRepositoryType]?: OrganisationRepository;
  [OptionalProps]?: 'isPrincipal' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => OrganisationKind, type: 'text' })
  kind!: OrganisationKind;

  /** Swedish organisation number, normalised to NNNNNN-NNNN. */
  @Property({ type: 'text' })
  organisationNumber!: string;

  /** The principal (huvudman) runs the model and signs the agreements; at most one. */
  @Property({ type: 'boolean' })
  isPrincipal: boolean = false;

  @OneToMany(() => OrganisationPopulation, (population) => population.organisation, { orphanRemoval: true })
  populations = new Collection<OrganisationPopulation>(this);

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** Population of a member in a year: the basis of the municipalities' cost distribution key. */
@Entity({ tableName: 'organisation_population' })
export class OrganisationPopulation {
  @ManyToOne(() => Organisation, { primary: true, ref: true, deleteRule: 'cascade' })
  organisation!: Ref<Organisation>;

  @PrimaryKey({ type: 'integer' })
  year!: number;

  @Property({ type: 'integer' })
  population!: number;
}
