import { EntityRepository } from '@mikro-orm/postgresql';
import type { Connection } from '../../platform/pagination/connection.js';
import { findPage, type PageRequest } from '../../platform/pagination/find-page.js';
import { ApiClient } from './api-client.entity.js';

export class ApiClientRepository extends EntityRepository<ApiClient> {
  findByKeyHash(keyHash: string): Promise<ApiClient | null> {
    return this.findOne({ keyHash });
  }

  findByIds(ids: string[]): Promise<ApiClient[]> {
    return this.find({ id: { $in: ids } });
  }

  /** The clients a person created, oldest first. */
  findCreatedBy(personId: string): Promise<ApiClient[]> {
    return this.find({ createdByPersonId: personId }, { orderBy: { createdAt: 'asc' } });
  }

  recordUse(id: string, lastUsedAt: Date): Promise<number> {
    return this.nativeUpdate({ id }, { lastUsedAt });
  }

  findPage(page: PageRequest<'name' | 'createdAt'>): Promise<Connection<ApiClient>> {
    return findPage(this.em, ApiClient, {}, page);
  }
}
