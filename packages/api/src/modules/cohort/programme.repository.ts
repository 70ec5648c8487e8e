import { EntityRepository } from '@mikro-orm/postgresql';
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
}
