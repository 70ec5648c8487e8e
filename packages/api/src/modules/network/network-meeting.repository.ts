import { EntityRepository } from '@mikro-orm/postgresql';
import type { NetworkMeeting } from './network-meeting.entity.js';

export class NetworkMeetingRepository extends EntityRepository<NetworkMeeting> {
  findById(id: string): Promise<NetworkMeeting | null> {
    return this.findOne({ id });
  }

  /** The meeting with its network loaded. */
  findWithNetwork(id: string): Promise<NetworkMeeting | null> {
    return this.findOne({ id }, { populate: ['network'] });
  }

  findByIds(ids: string[]): Promise<NetworkMeeting[]> {
    return this.find({ id: { $in: ids } });
  }

  /** By the offerings behind them. */
  findByOfferingIds(offeringIds: string[]): Promise<NetworkMeeting[]> {
    return this.find({ offeringId: { $in: offeringIds } });
  }

  findByNetworkIds(networkIds: string[]): Promise<NetworkMeeting[]> {
    return this.find({ network: { $in: networkIds } });
  }
}
