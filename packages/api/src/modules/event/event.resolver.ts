import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context.js';
import { mutationResult } from '../../platform/errors/mutation-payload.js';
import { argumentEntityId, fromGlobalId } from '../../platform/graphql/global-id.js';
import { mapConnection, OrderDirection, type Connection } from '../../platform/pagination/connection.js';
import { ConnectionArgs, toPageRequest } from '../../platform/pagination/connection-args.js';
import {
  loadOfferingFields,
  offeringFields,
  RegistrationObject,
  RegistrationPayload,
  registrationPayload,
} from '../offering/offering.types.js';
import { OfferingFilterInput } from '../offering/offering.inputs.js';
import type { Event } from './event.entity.js';
import { EventCreateInput, EventRegisterInput, EventUpdateInput } from './event.inputs.js';
import { EventService } from './event.service.js';
import { EventConnection, EventObject, EventPayload, toEventObject } from './event.types.js';

export async function eventObject(event: Event, ctx: RequestContext): Promise<EventObject> {
  // One load, no extra await: the offering joins the same batch as before the move (the statement counts hold).
  return toEventObject(event, offeringFields((await ctx.loaders.offering.load(event.offeringId))!));
}

@ArgsType()
class EventListArgs extends ConnectionArgs {
  @Field(() => OfferingFilterInput, { nullable: true, description: 'Which events (default: all).' })
  filter?: OfferingFilterInput | null;
}

@Resolver(() => EventObject)
export class EventResolver {
  @Query(() => EventConnection, { description: 'Events, newest first.' })
  async events(@Args() args: EventListArgs, @Ctx() ctx: RequestContext): Promise<Connection<EventObject>> {
    const page = toPageRequest(args, { field: 'createdAt' as const, direction: OrderDirection.DESC });
    const connection = await ctx
      .service(EventService)
      .list(page, args.filter?.registrableBy ? argumentEntityId(args.filter.registrableBy, 'Person', 'filter.registrableBy') : null);
    const offerings = await loadOfferingFields(
      ctx.loaders,
      connection.edges.map((edge) => edge.node.offeringId),
    );
    const byEvent = new Map(connection.edges.map((edge, index) => [edge.node.id, offerings[index]!]));
    return mapConnection(connection, (event) => toEventObject(event, byEvent.get(event.id)!));
  }

  @Query(() => EventObject, { nullable: true, description: 'One event by id; null when there is none.' })
  async event(@Arg('id', () => ID, { description: 'Global id.' }) id: string, @Ctx() ctx: RequestContext): Promise<EventObject | null> {
    const decoded = fromGlobalId(id, 'Event');
    const event = decoded ? await ctx.service(EventService).find(decoded.id) : null;
    return event ? eventObject(event, ctx) : null;
  }

  @Mutation(() => EventPayload, { description: 'Creates an event (administrators).' })
  async eventCreate(
    @Arg('input', () => EventCreateInput, { description: 'The new event: its kind, name, places, registration window and audience.' })
    input: EventCreateInput,
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
    @Arg('input', () => EventUpdateInput, { description: 'The event and what to change of it.' }) input: EventUpdateInput,
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
    @Arg('input', () => EventRegisterInput, { description: 'The event to register for and whom to register.' }) input: EventRegisterInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RegistrationPayload> {
    return registrationPayload(await mutationResult(() => ctx.service(EventService).register(input)));
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
