import DataLoader from 'dataloader';
import type { Connection } from '../../platform/pagination/connection.js';
import type { PageRequest } from '../../platform/pagination/find-page.js';
import { byIdLoader, groupBy, loaderFamily, type LoaderContext } from '../../platform/loaders.js';
import { Person } from '../person/person.entity.js';
import { Employment } from './employment.entity.js';
import type { StaffFilterInput } from './staff.inputs.js';
import { StaffPolicy } from './staff.policy.js';

export function staffLoaders({ em, access, today }: LoaderContext) {
  const employments = em.getRepository(Employment);
  const scope = () => StaffPolicy.of(access).readScope();
  return {
    employment: byIdLoader((ids) => employments.findByIds(ids, scope())),
    /** The same page of staff for each workplace (the caller's right to read each workplace's staff is checked before). */
    staffPages: loaderFamily<{ filter: StaffFilterInput; page: PageRequest<string> }, Connection<Employment>>(
      async ({ filter, page }, workplaceIds) => {
        const pages = await employments.findPagesByWorkplace(workplaceIds, filter, page, today);
        return workplaceIds.map((id) => pages.get(id)!);
      },
    ),
    employmentsOfPerson: new DataLoader<string, Employment[]>(async (personIds) =>
      groupBy(personIds, await employments.findOfPeople(personIds, scope()), (employment) => employment.person.id),
    ),
    /** The person of an employment the caller sees: their name goes with it (contact details keep the person module's rules). */
    employedPerson: byIdLoader((ids) => em.getRepository(Person).loadByIds(ids)),
  };
}

declare module '../../platform/loaders.js' {
  interface Loaders extends ReturnType<typeof staffLoaders> {}
}
