import type { ReadScope } from '../../platform/access/read-scope.js';
import { column, timestampColumn, type ReadSqlContext, type ReadSqlPieces } from '../../platform/read-compiler/read-sql.js';
import { holdsRoleWithinSql } from '../role-assignment/role-holders.sql.js';
import { PersonPolicy } from './person.policy.js';
import { PersonObject } from './person.types.js';

/**
 * The people a scope covers (as `PersonRepository.visibleTo`), as SQL over the row's alias: oneself, the
 * organisations' own staff, and whoever holds or held a role in them or at the workplaces (with `activeOn`,
 * holds one that day).
 */
export function personVisibleSql(alias: string, scope: ReadScope, activeOn: string | null, ctx: ReadSqlContext): string {
  if (scope.everything) return 'true';
  const covered = [
    ctx.inList(`${alias}.home_organisation_id`, scope.organisationIds),
    holdsRoleWithinSql(`${alias}.id`, scope, activeOn, ctx),
  ];
  if (scope.selfPersonId) covered.push(`${alias}.id = ${ctx.bind(scope.selfPersonId)}`);
  return `(${covered.join(' or ')})`;
}

/** The people the caller may read. */
export function personReadableSql(alias: string, ctx: ReadSqlContext): string {
  return personVisibleSql(alias, PersonPolicy.of(ctx.access).readScope(), null, ctx);
}

/** A contact detail, only for those who may contact the person (`contactDetailsVisible`: roles held today). */
function contactDetail(columnName: string) {
  return {
    kind: 'value' as const,
    sql: (alias: string, ctx: ReadSqlContext) => {
      const visible = personVisibleSql(alias, PersonPolicy.of(ctx.access).contactScope(), ctx.today, ctx);
      return visible === 'true' ? `${alias}.${columnName}` : `case when ${visible} then ${alias}.${columnName} end`;
    },
  };
}

/** The person module's pieces for the read compiler. */
export const personReadSql: ReadSqlPieces = {
  types: [
    {
      typeName: 'Person',
      node: true,
      objectClass: PersonObject,
      keys: { entityId: (alias) => `${alias}.id`, homeOrganisationEntityId: (alias) => `${alias}.home_organisation_id` },
      scalars: {
        firstName: column('first_name'),
        lastName: column('last_name'),
        name: { sql: (alias) => `${alias}.first_name || ' ' || ${alias}.last_name` },
        language: column('language'),
        erasedAt: timestampColumn('erased_at'),
        createdAt: timestampColumn('created_at'),
        updatedAt: timestampColumn('updated_at'),
      },
      fields: {
        email: contactDetail('email'),
        phone: contactDetail('phone'),
        homeOrganisation: {
          kind: 'one',
          type: 'Organisation',
          join: (parent, child) => ({ table: 'organisation', where: `${child}.id = ${parent}.home_organisation_id` }),
        },
      },
    },
  ],
};
