import type { ReadSqlContext } from '../../platform/read-compiler/read-sql.js';
import { PersonPolicy } from '../person/person.policy.js';

/** The workplaces the caller may read (the directory read scope, as `WorkplaceRepository.visibleTo`), as SQL over the row's alias. */
export function workplaceVisibleSql(alias: string, ctx: ReadSqlContext): string {
  const scope = PersonPolicy.of(ctx.access).readScope();
  if (scope.everything) return 'true';
  return `(${ctx.inList(`${alias}.organisation_id`, scope.organisationIds)} or ${ctx.inList(`${alias}.id`, scope.workplaceIds)})`;
}
