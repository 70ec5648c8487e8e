import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context.js';
import { mutationResult } from '../../platform/errors/mutation-payload.js';
import { cohortObject } from '../cohort/cohort.resolver.js';
import { CohortObject } from '../cohort/cohort.types.js';
import { NetworkObject, toNetworkObject } from '../network/network.types.js';
import { PersonObject, toPersonObject } from '../person/person.types.js';
import { calendarFeedPath, CalendarFeedService } from './calendar-feed.service.js';
import { CalendarFeedCreateInput, CalendarFeedRevokeInput } from './calendar.inputs.js';
import { CalendarFeedCreatePayload, CalendarFeedObject, CalendarFeedPayload, toCalendarFeedObject } from './calendar.types.js';

@Resolver(() => CalendarFeedObject)
export class CalendarFeedResolver {
  @Mutation(() => CalendarFeedCreatePayload, {
    description: 'Creates a secret iCalendar feed URL (of yourself by default, or of a cohort) and answers it, this once.',
  })
  async calendarFeedCreate(
    @Arg('input', () => CalendarFeedCreateInput, { description: 'What the new feed shows: your sessions, a cohort or a network.' })
    input: CalendarFeedCreateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CalendarFeedCreatePayload> {
    const outcome = await mutationResult(() => ctx.service(CalendarFeedService).create(input));
    return Object.assign(new CalendarFeedCreatePayload(), {
      calendarFeed: outcome.result ? toCalendarFeedObject(outcome.result.feed) : null,
      url: outcome.result ? `${ctx.http.origin}${calendarFeedPath(outcome.result.token)}` : null,
      errors: outcome.errors,
    });
  }

  @Mutation(() => CalendarFeedPayload, { description: 'Revokes a calendar feed: its URL stops working at once.' })
  async calendarFeedRevoke(
    @Arg('input', () => CalendarFeedRevokeInput, { description: 'The calendar feed to revoke.' }) input: CalendarFeedRevokeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CalendarFeedPayload> {
    const outcome = await mutationResult(() => ctx.service(CalendarFeedService).revoke(input));
    return Object.assign(new CalendarFeedPayload(), {
      calendarFeed: outcome.result ? toCalendarFeedObject(outcome.result) : null,
      errors: outcome.errors,
    });
  }

  @FieldResolver(() => PersonObject, {
    nullable: true,
    description: 'Whose feed it is: its subject for a PERSON feed, whoever created it for a COHORT feed.',
  })
  async person(@Root() feed: CalendarFeedObject, @Ctx() ctx: RequestContext): Promise<PersonObject | null> {
    const person = await ctx.loaders.person.load(feed.personEntityId);
    return person ? toPersonObject(person) : null;
  }

  @FieldResolver(() => CohortObject, { nullable: true, description: 'The cohort of a COHORT feed.' })
  async cohort(@Root() feed: CalendarFeedObject, @Ctx() ctx: RequestContext): Promise<CohortObject | null> {
    if (!feed.cohortEntityId) return null;
    const cohort = await ctx.loaders.cohort.load(feed.cohortEntityId);
    return cohort ? cohortObject(cohort, ctx) : null;
  }

  @FieldResolver(() => NetworkObject, { nullable: true, description: 'The network of a NETWORK feed; null otherwise.' })
  async network(@Root() feed: CalendarFeedObject, @Ctx() ctx: RequestContext): Promise<NetworkObject | null> {
    if (!feed.networkEntityId) return null;
    const network = await ctx.loaders.network.load(feed.networkEntityId);
    return network ? toNetworkObject(network) : null;
  }
}

@Resolver(() => PersonObject)
export class PersonCalendarFeedResolver {
  @FieldResolver(() => [CalendarFeedObject], {
    description:
      'Calendar feeds of the person, newest first, revoked ones too (without their URLs); only for themselves and administrators, empty for others.',
  })
  async calendarFeeds(@Root() person: PersonObject, @Ctx() ctx: RequestContext): Promise<CalendarFeedObject[]> {
    return (await ctx.loaders.calendarFeeds.load(person.entityId)).map(toCalendarFeedObject);
  }
}
