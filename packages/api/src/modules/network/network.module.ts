import { networkDashboardSeries } from './network.dashboard.js';
import { defineModule } from '../../platform/module/module-definition.js';
import { mapNullable } from '../../platform/module/map-nullable.js';
import { NetworkMeeting } from './network-meeting.entity.js';
import { NetworkMembership } from './network-membership.entity.js';
import { Network } from './network.entity.js';
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
import { toNetworkMembershipObject, toNetworkObject } from './network.types.js';

export const networkModule = defineModule({
  name: 'network',
  dashboardSeries: networkDashboardSeries,
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
        // Batched: `Registration.offering` loads meetings through here.
        const meeting = await ctx.loaders.networkMeeting.load(id);
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
