import type { Connection } from '../../platform/pagination/connection.js';
import type { PageRequest } from '../../platform/pagination/find-page.js';
import { byIdLoader, loaderFamily, type LoaderContext } from '../../platform/loaders.js';
import { Workplace } from './workplace.entity.js';
import type { WorkplaceFilterInput, WorkplaceOrderField } from './workplace.inputs.js';
import { PersonPolicy } from '../person/person.policy.js';

export function workplaceLoaders({ em, access }: LoaderContext) {
  const workplaces = em.getRepository(Workplace);
  const scope = PersonPolicy.of(access).readScope();
  return {
    workplace: byIdLoader((ids) => workplaces.findRowsByIds(ids, scope)),
    workplacePages: loaderFamily<{ filter: WorkplaceFilterInput; page: PageRequest<WorkplaceOrderField> }, Connection<Workplace>>(
      async ({ filter, page }, organisationIds) => {
        const pages = await workplaces.findPagesByOrganisation(organisationIds, filter, page, scope);
        return organisationIds.map((id) => pages.get(id)!);
      },
    ),
  };
}

declare module '../../platform/loaders.js' {
  interface Loaders extends ReturnType<typeof workplaceLoaders> {}
}
