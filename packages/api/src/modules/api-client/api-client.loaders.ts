import { byIdLoader, type LoaderContext } from '../../platform/loaders.js';
import { ApiClient } from './api-client.entity.js';

export function apiClientLoaders({ em, access }: LoaderContext) {
  return {
    apiClient: byIdLoader((ids) => (access.isAdministrator ? em.getRepository(ApiClient).findByIds(ids) : Promise.resolve([]))),
  };
}

declare module '../../platform/loaders.js' {
  interface Loaders extends ReturnType<typeof apiClientLoaders> {}
}
