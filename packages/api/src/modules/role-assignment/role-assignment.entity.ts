import { randomUUID } from 'node:crypto';
import { Entity, EntityRepositoryType, OptionalProps, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';
import { Workplace } from '../workplace/workplace.entity.js';
import { RoleAssignmentRepository } from './role-assignment.repository.js';

import { Role } from '../../platform/access/vocabulary.js';

export { Role };

/** Roles held at a workplace; the others are held in an organisation or everywhere. */
export const WORKPLACE_ROLES: ReadonlySet<Role> = new Set([Role.MANAGER, Role.WORKPLACE_COORDINATOR, Role.COMPETENCE_COORDINATOR]);
/** Roles a workplace has at most one holder of at a time. */
export const SINGLE_HOLDER_ROLES: ReadonlySet<Role> = new Set([Role.MANAGER, Role.WORKPLACE_COORDINATOR]);

/**
 * A person holds a role in a scope for a period [startsOn, endsOn). History is kept: ending sets endsOn,
 * nothing is deleted.
 */
@Entity({ tableName: 'role_assignment', repository: () => RoleAssignmentRepository })
export class RoleAssignment {
  [EntityRepositoryType]?: RoleAssignmentRepository;
  [OptionalProps]?: 'workplace' | 'organisation' | 'endsOn' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Person, { ref: true })
  person!: Ref<Person>;

  @Enum({ items: () => Role, type: 'text' })
  role!: Role;

  @ManyToOne(() => Workplace, { ref: true, nullable: true })
  workplace: Ref<Workplace> | null = null;

  @ManyToOne(() => Organisation, { ref: true, nullable: true })
  organisation: Ref<Organisation> | null = null;

  /** First day held, YYYY-MM-DD. */
  @Property({ type: 'date' })
  startsOn!: string;

  /** First day no longer held, YYYY-MM-DD; null while open-ended. */
  @Property({ type: 'date', nullable: true })
  endsOn: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  isActiveOn(day: string): boolean {
    return this.startsOn <= day && (this.endsOn === null || this.endsOn > day);
  }
}
