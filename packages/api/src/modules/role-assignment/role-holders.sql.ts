import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { Role } from '../../platform/access/vocabulary.js';

/**
 * The role-assignment module's piece for other modules' queries: the ids of people who hold (or held)
 * roles, as a subquery. It names the module's own tables so that other modules never do.
 */
export function roleHolderIds(
  em: EntityManager,
  criteria: { activeOn?: string | null; role?: Role; workplaceId?: string; within?: { workplaceIds: string[]; organisationIds: string[] } },
): Knex.QueryBuilder {
  const query = em.getKnex().select('ra.person_id').from('role_assignment as ra');
  if (criteria.activeOn) {
    const day = criteria.activeOn;
    query.where('ra.starts_on', '<=', day).andWhere((ends) => void ends.whereNull('ra.ends_on').orWhere('ra.ends_on', '>', day));
  }
  if (criteria.role) query.andWhere('ra.role', criteria.role);
  if (criteria.workplaceId) query.andWhere('ra.workplace_id', criteria.workplaceId);
  const within = criteria.within;
  if (within) {
    // Held at one of the workplaces, in one of the organisations, or at a workplace of one of them.
    query.leftJoin('workplace as w', 'w.id', 'ra.workplace_id').andWhere((covered) => {
      covered
        .whereIn('ra.workplace_id', within.workplaceIds)
        .orWhereIn('ra.organisation_id', within.organisationIds)
        .orWhereIn('w.organisation_id', within.organisationIds);
    });
  }
  return query;
}

/**
 * The same piece for the read compiler, as SQL over a person id expression: whether the person holds (or
 * held; with `activeOn`, holds that day) a role at one of the workplaces, in one of the organisations, or at
 * a workplace of one of them.
 */
export function holdsRoleWithinSql(
  personId: string,
  within: { workplaceIds: readonly string[]; organisationIds: readonly string[] },
  activeOn: string | null,
  sql: { bind(value: string): string; inList(column: string, values: readonly string[]): string; alias(prefix: string): string },
): string {
  const ra = sql.alias('ra');
  const w = sql.alias('rw');
  const period = activeOn
    ? ` and ${ra}.starts_on <= ${sql.bind(activeOn)} and (${ra}.ends_on is null or ${ra}.ends_on > ${sql.bind(activeOn)})`
    : '';
  const covered = [
    sql.inList(`${ra}.workplace_id`, within.workplaceIds),
    sql.inList(`${ra}.organisation_id`, within.organisationIds),
    sql.inList(`${w}.organisation_id`, within.organisationIds),
  ].join(' or ');
  return `exists (select 1 from role_assignment ${ra} left join workplace ${w} on ${w}.id = ${ra}.workplace_id where ${ra}.person_id = ${personId}${period} and (${covered}))`;
}

/**
 * `roleHolderIds` without `within`, for the read compiler, as SQL over a person id expression: whether the
 * person holds (or held; with `activeOn`, holds that day) a role, of this kind and at this workplace when given.
 */
export function holdsRoleSql(
  personId: string,
  criteria: { activeOn?: string | null; role?: Role; workplaceId?: string },
  sql: { bind(value: string): string; alias(prefix: string): string },
): string {
  const ra = sql.alias('ra');
  const where = [`${ra}.person_id = ${personId}`];
  if (criteria.activeOn) {
    where.push(
      `${ra}.starts_on <= ${sql.bind(criteria.activeOn)} and (${ra}.ends_on is null or ${ra}.ends_on > ${sql.bind(criteria.activeOn)})`,
    );
  }
  if (criteria.role) where.push(`${ra}.role = ${sql.bind(criteria.role)}`);
  if (criteria.workplaceId) where.push(`${ra}.workplace_id = ${sql.bind(criteria.workplaceId)}`);
  return `exists (select 1 from role_assignment ${ra} where ${where.join(' and ')})`;
}

/**
 * The roles a person holds on `day` (each `{ role, workplaceId }`), as a JSON array over a person id
 * expression, for a statement that reads them with other rows (a registration's one read).
 */
export function rolesHeldJsonSql(
  personId: string,
  day: string,
  sql: { bind(value: string): string; alias(prefix: string): string },
): string {
  const ra = sql.alias('ra');
  return `(select coalesce(json_agg(json_build_object('role', ${ra}.role, 'workplaceId', ${ra}.workplace_id)), '[]'::json)
     from role_assignment ${ra}
    where ${ra}.person_id = ${personId} and ${ra}.starts_on <= ${sql.bind(day)} and (${ra}.ends_on is null or ${ra}.ends_on > ${sql.bind(day)}))`;
}
