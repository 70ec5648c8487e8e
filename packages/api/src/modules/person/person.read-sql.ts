import type { ReadScope } from '../../platform/access/read-scope.js';
import { fromGlobalId } from '../../platform/graphql/global-id.js';
import { OrderDirection } from '../../platform/pagination/connection.js';
import { containsTextSql } from '../../platform/pagination/text-search.js';
import {
  column,
  timestampColumn,
  type ReadSqlConnection,
  type ReadSqlContext,
  type ReadSqlPieces,
} from '../../platform/read-compiler/read-sql.js';
import { holdsRoleWithinSql, holdsRoleSql } from '../role-assignment/role-holders.sql.js';
import { Person } from './person.entity.js';
import { PersonOrderField, type PersonFilterInput } from './person.inputs.js';
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

/**
 * What a registration reads of a person, as JSON over a person id expression (`id`, `homeOrganisationId`,
 * `email`, `language`, `erased`), or null when there is no such person or the scope does not cover them
 * (as `PersonRepository.findVisible`).
 */
export function personFactsJsonSql(personId: string, scope: ReadScope, ctx: ReadSqlContext): string {
  const p = ctx.alias('p');
  return `(select json_build_object('id', ${p}.id, 'homeOrganisationId', ${p}.home_organisation_id, 'email', ${p}.email,
            'language', ${p}.language, 'erased', ${p}.erased_at is not null)
     from person ${p} where ${p}.id = ${personId} and ${personVisibleSql(p, scope, null, ctx)})`;
}

/** A person's full name as messages write it (first and last name), over a person id expression; null: no such person. */
export function personNameSql(personId: string, ctx: ReadSqlContext): string {
  const p = ctx.alias('p');
  return `(select ${p}.first_name || ' ' || ${p}.last_name from person ${p} where ${p}.id = ${personId})`;
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

const ORDER: Record<string, { properties: string[]; columns: string[] }> = {
  // People with the same last name are listed by first name, as `PersonRepository.findPage` orders them.
  [PersonOrderField.LAST_NAME]: { properties: ['lastName', 'firstName', 'id'], columns: ['last_name', 'first_name', 'id'] },
  [PersonOrderField.EMAIL]: { properties: ['email', 'id'], columns: ['email', 'id'] },
  [PersonOrderField.CREATED_AT]: { properties: ['createdAt', 'id'], columns: ['created_at', 'id'] },
};

function orderOf(args: Record<string, unknown>): { field: string; direction: string } {
  return (args.orderBy ?? { field: PersonOrderField.LAST_NAME, direction: OrderDirection.ASC }) as { field: string; direction: string };
}

/**
 * `people`: the people the caller may read, filtered as `PersonRepository.findPage` filters them (the search
 * over e-mail addresses only for those who see everyone's). What the loader path refuses (sorting by e-mail
 * without that right, an id that is not one) is left to it, so that it reports the error.
 */
const personConnection: ReadSqlConnection = {
  type: 'Person',
  entity: Person,
  table: 'person',
  where: (_parent, child, args, ctx) => {
    const policy = PersonPolicy.of(ctx.access);
    const seesAllContacts = policy.contactScope().everything;
    if (orderOf(args).field === PersonOrderField.EMAIL && !seesAllContacts) return null;
    const filter = (args.filter ?? {}) as PersonFilterInput;
    const where = [personVisibleSql(child, policy.readScope(), null, ctx)];
    if (filter.search) {
      const names = `${child}.first_name || ' ' || ${child}.last_name`;
      where.push(containsTextSql(seesAllContacts ? `${names} || ' ' || ${child}.email` : names, filter.search, (value) => ctx.bind(value)));
    }
    if (filter.homeOrganisationId) {
      const organisation = fromGlobalId(filter.homeOrganisationId, 'Organisation');
      if (!organisation) return null;
      where.push(`${child}.home_organisation_id = ${ctx.bind(organisation.id)}`);
    }
    if (filter.workplaceId || filter.role) {
      const workplace = filter.workplaceId ? fromGlobalId(filter.workplaceId, 'Workplace') : null;
      if (filter.workplaceId && !workplace) return null;
      where.push(
        holdsRoleSql(
          `${child}.id`,
          { activeOn: ctx.today, ...(workplace ? { workplaceId: workplace.id } : {}), ...(filter.role ? { role: filter.role } : {}) },
          ctx,
        ),
      );
    }
    if (filter.updatedSince) where.push(`${child}.updated_at >= ${ctx.bind(filter.updatedSince)}`);
    return where.join(' and ');
  },
  order: (args) => {
    const orderBy = orderOf(args);
    const order = ORDER[orderBy.field];
    if (!order) return null;
    return { ...order, direction: orderBy.direction === OrderDirection.DESC ? 'desc' : 'asc' };
  },
};

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
  roots: {
    people: { kind: 'connection', connection: personConnection },
    person: {
      kind: 'byId',
      type: 'Person',
      table: 'person',
      where: (alias, id, ctx) => {
        const decoded = fromGlobalId(id, 'Person');
        return decoded ? `${alias}.id = ${ctx.bind(decoded.id)} and ${personReadableSql(alias, ctx)}` : 'false';
      },
    },
  },
};
