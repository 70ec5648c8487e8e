import {
  column,
  timestampColumn,
  type ReadSqlContext,
  type ReadSqlJoin,
  type ReadSqlPieces,
} from '../../platform/read-compiler/read-sql.js';
import type { Role } from '../../platform/access/vocabulary.js';
import { personReadableSql } from '../person/person.read-sql.js';
import { PersonPolicy } from '../person/person.policy.js';
import { workplaceVisibleSql } from '../workplace/workplace.scope-sql.js';
import { RoleAssignmentObject } from './role-assignment.types.js';

/** The assignments the caller may read (as `RoleAssignmentRepository.visibleTo`), as SQL over the row's alias. */
export function roleAssignmentVisibleSql(alias: string, ctx: ReadSqlContext): string {
  const scope = PersonPolicy.of(ctx.access).readScope();
  if (scope.everything) return 'true';
  const w = ctx.alias('aw');
  const covered = [
    ctx.inList(`${alias}.organisation_id`, scope.organisationIds),
    `exists (select 1 from workplace ${w} where ${w}.id = ${alias}.workplace_id and ${ctx.inList(`${w}.organisation_id`, scope.organisationIds)})`,
    ctx.inList(`${alias}.workplace_id`, scope.workplaceIds),
  ];
  if (scope.selfPersonId) covered.push(`${alias}.person_id = ${ctx.bind(scope.selfPersonId)}`);
  return `(${covered.join(' or ')})`;
}

function activeOnSql(alias: string, day: string, ctx: ReadSqlContext): string {
  return `${alias}.starts_on <= ${ctx.bind(day)} and (${alias}.ends_on is null or ${alias}.ends_on > ${ctx.bind(day)})`;
}

/**
 * The assignments of a workplace role held today at the parent workplace that the caller may read, in the
 * order of `activeWorkplaceRoles` (the first is the current holder).
 */
export function activeWorkplaceRolesJoin(role: Role) {
  return (parent: string, child: string, ctx: ReadSqlContext): ReadSqlJoin => ({
    table: 'role_assignment',
    where: `${child}.workplace_id = ${parent}.id and ${child}.role = ${ctx.bind(role)} and ${activeOnSql(child, ctx.today, ctx)} and ${roleAssignmentVisibleSql(child, ctx)}`,
    orderBy: `${child}.starts_on asc, ${child}.id asc`,
  });
}

/** The role-assignment module's pieces for the read compiler. */
export const roleAssignmentReadSql: ReadSqlPieces = {
  types: [
    {
      typeName: 'RoleAssignment',
      node: true,
      objectClass: RoleAssignmentObject,
      keys: {
        entityId: (alias) => `${alias}.id`,
        personEntityId: (alias) => `${alias}.person_id`,
        workplaceEntityId: (alias) => `${alias}.workplace_id`,
        organisationEntityId: (alias) => `${alias}.organisation_id`,
      },
      scalars: {
        role: column('role'),
        startsOn: column('starts_on'),
        endsOn: column('ends_on'),
        createdAt: timestampColumn('created_at'),
        isActive: { sql: (alias, ctx) => `(${activeOnSql(alias, ctx.today, ctx)})` },
      },
      fields: {
        person: {
          kind: 'one',
          type: 'Person',
          join: (parent, child, ctx) => ({
            table: 'person',
            where: `${child}.id = ${parent}.person_id and ${personReadableSql(child, ctx)}`,
          }),
        },
        workplace: {
          kind: 'one',
          type: 'Workplace',
          join: (parent, child, ctx) => ({
            table: 'workplace',
            where: `${child}.id = ${parent}.workplace_id and ${workplaceVisibleSql(child, ctx)}`,
          }),
        },
        organisation: {
          kind: 'one',
          type: 'Organisation',
          join: (parent, child) => ({ table: 'organisation', where: `${child}.id = ${parent}.organisation_id` }),
        },
      },
    },
  ],
};
