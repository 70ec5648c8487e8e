import { defineModule } from '../../platform/module/module-definition.js';
import { mapNullable } from '../../platform/module/map-nullable.js';
import { Network, NetworkMeeting, NetworkMembership } from './network.entities.js';
import { networkLoaders } from './network.loaders.js';
import { networkPersonalData } from './network.personal-data.js';
import {
  NetworkMeetingResolver,
  NetworkMembershipResolver,
  NetworkResolver,
  networkMeetingObject,
  PersonNetworksResolver,
  RegistrationMeetingResolver,
} from './network.resolver.js';
import { NetworkService } from './network.service.js';
import { toNetworkMembershipObject, toNetworkObject } from './network.types.js';

export const networkModule = defineModule({
  name: 'network',
  entities: [Network, NetworkMembership, NetworkMeeting],
  resolvers: [NetworkResolver, NetworkMembershipResolver, NetworkMeetingResolver, PersonNetworksResolver, RegistrationMeetingResolver],
  loaders: networkLoaders,
  personalData: networkPersonalData,
  nodeTypes: [
    { typeName: 'Network', entity: Network, load: async (ctx, id) => mapNullable(await ctx.loaders.network.load(id), toNetworkObject) },
    {
      typeName: 'NetworkMembership',
      entity: NetworkMembership,
      load: async (ctx, id) => mapNullable(await ctx.loaders.networkMembership.load(id), toNetworkMembershipObject),
    },
    {
      typeName: 'NetworkMeeting',
      entity: NetworkMeeting,
      load: async (ctx, id) => {
        const meeting = await ctx.service(NetworkService).findMeeting(id);
        return meeting && networkMeetingObject(meeting, ctx);
      },
    },
  ],
});

declare module '../../platform/graphql/global-id.js' {
  interface NodeTypes {
    Network: true;
    NetworkMembership: true;
    NetworkMeeting: true;
  }
}
