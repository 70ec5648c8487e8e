import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context.js';
import { mutationResult } from '../../platform/errors/mutation-payload.js';
import { fromGlobalId } from '../../platform/graphql/global-id.js';
import { mapConnection, OrderDirection, type Connection } from '../../platform/pagination/connection.js';
import { ConnectionArgs, toPageRequest } from '../../platform/pagination/connection-args.js';
import {
  RegistrationConnection,
  RegistrationObject,
  RegistrationPayload,
  SessionObject,
  toRegistrationObject,
  toSessionObject,
} from '../cohort/cohort.types.js';
import type { Offering } from '../registration/registration.entities.js';
import type { Event } from './event.entity.js';
import { EventCreateInput, EventRegisterInput, EventUpdateInput } from './event.inputs.js';
import { EventService } from './event.service.js';
import { EventConnection, EventObject, EventPayload, toEventObject } from './event.types.js';

export async function eventObject(event: Event, ctx: RequestContext): Promise<EventObject> {
  return toEventObject(event, (await ctx.loaders.offering.load(event.offering.id))!);
}

@Resolver(() => EventObject)
export class EventResolver {
  @Query(() => EventConnection, { description: 'Events, newest first.' })
  async events(@Args() args: ConnectionArgs, @Ctx() ctx: RequestContext): Promise<Connection<EventObject>> {
    const page = toPageRequest(args, { field: 'createdAt' as const, direction: OrderDirection.DESC });
    const connection = await ctx.service(EventService).list(page);
    const offerings = (await ctx.loaders.offering.loadMany(connection.edges.map((edge) => edge.node.offering.id))) as Offering[];
    return mapConnection(connection, (event) =>
      toEventObject(
        event,
        offerings.find((offering) => offering.id === event.offering.id)!,
      ),
    );
  }

  @Query(() => EventObject, { nullable: true, description: 'One event by id; null when there is none.' })
  async event(@Arg('id', () => ID, { description: 'Global id.' }) id: string, @Ctx() ctx: RequestContext): Promise<EventObject | null> {
    const decoded = fromGlobalId(id, 'Event');
    const event = decoded ? await ctx.service(EventService).find(decoded.id) : null;
    return event ? eventObject(event, ctx) : null;
  }

  @Mutation(() => EventPayload, { description: 'Creates an event (administrators).' })
  async eventCreate(
    @Arg('input', () => EventCreateInput, { description: 'What to change.' }) input: EventCreateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<EventPayload> {
    const outcome = await mutationResult(() => ctx.service(EventService).create(input));
    return Object.assign(new EventPayload(), {
      event: outcome.result ? await eventObject(outcome.result, ctx) : null,
      errors: outcome.errors,
    });
  }

  @Mutation(() => EventPayload, {
    description: 'Changes an event: name, description, capacity (new places go to the waitlist at once), status (administrators).',
  })
  async eventUpdate(
    @Arg('input', () => EventUpdateInput, { description: 'What to change.' }) input: EventUpdateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<EventPayload> {
    const outcome = await mutationResult(() => ctx.service(EventService).update(input));
    return Object.assign(new EventPayload(), {
      event: outcome.result ? await eventObject(outcome.result, ctx) : null,
      errors: outcome.errors,
    });
  }

  @Mutation(() => RegistrationPayload, {
    description: 'Registers a person (default: yourself) for an event: confirmed while places are left, else waitlisted.',
  })
  async eventRegister(
    @Arg('input', () => EventRegisterInput, { description: 'What to change.' }) input: EventRegisterInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RegistrationPayload> {
    const outcome = await mutationResult(() => ctx.service(EventService).register(input));
    return Object.assign(new RegistrationPayload(), {
      registration: outcome.result ? toRegistrationObject(outcome.result) : null,
      errors: outcome.errors,
    });
  }

  @FieldResolver(() => [SessionObject], { description: 'Sessions, in time order.' })
  async sessions(@Root() event: EventObject, @Ctx() ctx: RequestContext): Promise<SessionObject[]> {
    return (await ctx.loaders.sessions.load(event.offeringEntityId)).map(toSessionObject);
  }

  @FieldResolver(() => RegistrationConnection, { description: 'Registrations you may see, in the order they came.' })
  async registrations(
    @Root() event: EventObject,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<Connection<RegistrationObject>> {
    const page = toPageRequest(args, { field: 'registeredAt' as const, direction: OrderDirection.ASC });
    return mapConnection(await ctx.loaders.registrationPages({ page }).load(event.offeringEntityId), toRegistrationObject);
  }
}

@Resolver(() => RegistrationObject)
export class RegistrationEventResolver {
  @FieldResolver(() => EventObject, { nullable: true, description: 'The event registered for, if it is one.' })
  async event(@Root() registration: RegistrationObject, @Ctx() ctx: RequestContext): Promise<EventObject | null> {
    const event = await ctx.loaders.eventByOffering.load(registration.offeringEntityId);
    return event && eventObject(event, ctx);
  }
}
