import { byIdLoader, type LoaderContext } from '../../platform/loaders.js';
import { ApiClient } from './api-client.entity.js';
import { ApiClientPolicy } from './api-client.policy.js';

export function apiClientLoaders({ em, access }: LoaderContext) {
  return {
    apiClient: byIdLoader((ids) =>
      ApiClientPolicy.of(access).canManageApiClients() ? em.getRepository(ApiClient).findByIds(ids) : Promise.resolve([]),
    ),
  };
}

declare module '../../platform/loaders.js' {
  interface Loaders extends ReturnType<typeof apiClientLoaders> {}
}
