import { EntityRepository, type FilterQuery } from '@mikro-orm/postgresql';
import type { Connection } from '../../platform/pagination/connection.js';
import { findPage, type PageRequest } from '../../platform/pagination/find-page.js';
import { containsText } from '../../platform/pagination/text-search.js';
import type { Programme } from './programme.entity.js';

export class ProgrammeRepository extends EntityRepository<Programme> {
  findById(id: string): Promise<Programme | null> {
    return this.findOne({ id });
  }

  getById(id: string): Promise<Programme> {
    return this.findOneOrFail({ id });
  }

  findByIds(ids: string[]): Promise<Programme[]> {
    return this.find({ id: { $in: ids } });
  }

  /** A page of programmes, optionally those whose name contains `search` (a few dozen: no index needed). */
  findPage(search: string | null | undefined, page: PageRequest<string>): Promise<Connection<Programme>> {
    const where: FilterQuery<Programme> = search?.trim() ? (containsText('name', search) as FilterQuery<Programme>) : {};
    return findPage(this.em, this.entityName, where, page);
  }
}
