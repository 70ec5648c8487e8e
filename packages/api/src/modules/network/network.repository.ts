import { EntityRepository } from '@mikro-orm/postgresql';
import type { Network } from './network.entity.js';

export class NetworkRepository extends EntityRepository<Network> {
  findById(id: string): Promise<Network | null> {
    return this.findOne({ id });
  }

  findByIds(ids: string[]): Promise<Network[]> {
    return this.find({ id: { $in: ids } });
  }

  getById(id: string): Promise<Network> {
    return this.findOneOrFail({ id });
  }
}
