import { defineModule } from '../../platform/module/module-definition.js';
import { Event } from './event.entity.js';
import { eventLoaders } from './event.loaders.js';
import { EventResolver, eventObject, RegistrationEventResolver } from './event.resolver.js';

export const eventModule = defineModule({
  name: 'event',
  entities: [Event],
  resolvers: [EventResolver, RegistrationEventResolver],
  loaders: eventLoaders,
  nodeTypes: [
    {
      typeName: 'Event',
      entity: Event,
      load: async (ctx, id) => {
        // Batched: `Registration.offering` loads events through here.
        const event = await ctx.loaders.event.load(id);
        return event && eventObject(event, ctx);
      },
    },
  ],
});

declare module '../../platform/graphql/global-id.js' {
  interface NodeTypes {
    Event: true;
  }
}
