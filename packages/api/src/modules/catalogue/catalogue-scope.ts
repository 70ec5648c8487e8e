import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessPolicy } from '../../platform/access/access-policy.js';
import { EVERYTHING } from '../../platform/access/read-scope.js';
import { Workplace } from '../workplace/workplace.entity.js';
import { CataloguePolicy, type CatalogueScope } from './catalogue.policy.js';

/** The memo key of the scope (one per request). */
const SCOPE = { name: 'catalogueScope' };

/** The caller's catalogue scope, found once per request (it needs the organisations of the caller's workplaces). */
export function catalogueScope(em: EntityManager, access: AccessPolicy): Promise<CatalogueScope> {
  return access.memo(SCOPE, async () => {
    const policy = CataloguePolicy.of(access);
    const workplaceIds = policy.canRead() ? policy.workplaceIds() : [];
    const workplaces = workplaceIds.length > 0 ? await em.getRepository(Workplace).findByIds(workplaceIds, EVERYTHING) : [];
    return policy.scope([...new Set(workplaces.map((workplace) => workplace.organisation.id))]);
  });
}
