import { randomUUID } from 'node:crypto';
import { Entity, EntityRepositoryType, OptionalProps, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Organisation } from '../organisation/organisation.entity.js';
import { WorkplaceRepository } from './workplace.repository.js';
import { WorkplaceType, WorkplaceStatus } from './workplace.enums.js';

export { WorkplaceType, WorkplaceStatus };

/** A workplace (arbetsplats) of a member organisation that takes part in workplace learning. */
@Entity({ tableName: 'workplace', repository: () => WorkplaceRepository })
export class Workplace {
  [EntityRepositoryType]?: WorkplaceRepository;
  [OptionalProps]?: 'streetAddress' | 'postalCode' | 'city' | 'employeeCount' | 'status' | 'leftOn' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { ref: true })
  organisation!: Ref<Organisation>;

  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => WorkplaceType, type: 'text' })
  type!: WorkplaceType;

  @Property({ type: 'text', nullable: true })
  streetAddress: string | null = null;

  @Property({ type: 'text', nullable: true })
  postalCode: string | null = null;

  @Property({ type: 'text', nullable: true })
  city: string | null = null;

  @Property({ type: 'integer' })
  employeeCount: number = 0;

  /** YYYY-MM-DD */
  @Property({ type: 'date' })
  joinedOn!: string;

  @Enum({ items: () => WorkplaceStatus, type: 'text' })
  status: WorkplaceStatus = WorkplaceStatus.ACTIVE;

  /** YYYY-MM-DD; set exactly when the status is LEFT. */
  @Property({ type: 'date', nullable: true })
  leftOn: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
