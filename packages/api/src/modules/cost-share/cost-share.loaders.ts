import { byIdLoader, type LoaderContext } from '../../platform/loaders.js';
import { CostShareYear } from './cost-share-year.entity.js';

export function costShareLoaders({ em }: LoaderContext) {
  const years = em.getRepository(CostShareYear);
  return {
    costShareYear: byIdLoader((ids) => years.findByIds(ids)),
  };
}

declare module '../../platform/loaders.js' {
  interface Loaders extends ReturnType<typeof costShareLoaders> {}
}
