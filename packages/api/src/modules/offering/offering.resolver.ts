import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context.js';
import { mutationResult } from '../../platform/errors/mutation-payload.js';
import { toGlobalId } from '../../platform/graphql/global-id.js';
import { mapConnection, OrderDirection, type Connection } from '../../platform/pagination/connection.js';
import { ConnectionArgs, toPageRequest } from '../../platform/pagination/connection-args.js';
import { prefetched } from '../../platform/read-compiler/prefetched.js';
import { OrganisationObject, toOrganisationObject } from '../organisation/organisation.types.js';
import { PersonObject, toPersonObject } from '../person/person.types.js';
import {
  AttendanceRecordInput,
  RegistrationAcceptOfferInput,
  RegistrationExpireOfferInput,
  RegistrationApproveInput,
  RegistrationCancelInput,
  RegistrationMoveInput,
  RegistrationRejectInput,
  SessionCreateInput,
  SessionDeleteInput,
  SessionUpdateInput,
} from './offering.inputs.js';
import { RegistrationStatus } from './offering.enums.js';
import { OfferingService } from './offering.service.js';
import {
  AttendanceObject,
  OfferingObject,
  RegistrationConnection,
  RegistrationObject,
  RegistrationPayload,
  registrationPayload,
  SeatQuotaObject,
  SessionObject,
  SessionPayload,
  toAttendanceObject,
  toRegistrationObject,
  toSessionObject,
} from './offering.types.js';
import type { OfferingSession } from './offering-session.entity.js';

/** The cohort, network meeting or event that owns an offering, as the caller may see it. */
export async function offeringOwnerObject(offeringEntityId: string, ctx: RequestContext): Promise<OfferingObject | null> {
  const owner = await ctx.loaders.offeringOwner.load(offeringEntityId);
  return owner && ((await ctx.loadNode(toGlobalId(owner.type, owner.id))) as OfferingObject | null);
}

function sessionPayload(outcome: { result?: OfferingSession | null; errors: SessionPayload['errors'] }): SessionPayload {
  return Object.assign(new SessionPayload(), {
    session: outcome.result ? toSessionObject(outcome.result) : null,
    errors: outcome.errors,
  });
}

@ArgsType()
class OfferingRegistrationsArgs extends ConnectionArgs {
  @Field(() => RegistrationStatus, {
    nullable: true,
    description:
      'Only registrations with this status, ended ones too (default: those that have not ended); WAITLISTED lists the queue in order, place 1 first.',
  })
  status?: RegistrationStatus | null;
}

/** The fields every offering (cohort, network meeting, event) has, resolved once for all three. */
@Resolver(() => OfferingObject)
export class OfferingResolver {
  @FieldResolver(() => [SessionObject], { description: 'Sessions, in time order (a network meeting has one).' })
  async sessions(@Root() offering: OfferingObject, @Ctx() ctx: RequestContext): Promise<SessionObject[]> {
    return (await ctx.loaders.sessions.load(offering.offeringEntityId)).map(toSessionObject);
  }

  @FieldResolver(() => RegistrationConnection, {
    description:
      'Registrations you may see that have not ended (awaiting approval, confirmed, offered, waitlisted), in the order they came, or those of one status.',
  })
  registrations(
    @Root() offering: OfferingObject,
    @Args() args: OfferingRegistrationsArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Connection<RegistrationObject> | Promise<Connection<RegistrationObject>> {
    return prefetched<Connection<RegistrationObject>>(offering, info) ?? this.loadRegistrations(offering, args, ctx, info);
  }

  private async loadRegistrations(
    offering: OfferingObject,
    args: OfferingRegistrationsArgs,
    ctx: RequestContext,
    info: GraphQLResolveInfo,
  ): Promise<Connection<RegistrationObject>> {
    const status = args.status ?? null;
    const field = status === RegistrationStatus.WAITLISTED ? ('waitlistPosition' as const) : ('registeredAt' as const);
    const page = toPageRequest(args, { field, direction: OrderDirection.ASC }, info);
    return mapConnection(await ctx.loaders.registrationPages({ page, status }).load(offering.offeringEntityId), toRegistrationObject);
  }

  @FieldResolver(() => [SeatQuotaObject], { description: 'Places reserved per member organisation (empty: none).' })
  async seatQuotas(@Root() offering: OfferingObject, @Ctx() ctx: RequestContext): Promise<SeatQuotaObject[]> {
    const [quotas, taken] = await Promise.all([
      ctx.loaders.seatQuotas.load(offering.offeringEntityId),
      ctx.loaders.placesByOrganisation.load(offering.offeringEntityId),
    ]);
    return quotas.map((quota) =>
      Object.assign(new SeatQuotaObject(), {
        organisationEntityId: quota.organisation.id,
        places: quota.places,
        taken: taken.get(quota.organisation.id) ?? 0,
      }),
    );
  }
}

/** Registrations, sessions and attendance of any offering: the mutations cohorts, network meetings and events share. */
@Resolver(() => RegistrationObject)
export class RegistrationResolver {
  @FieldResolver(() => OfferingObject, {
    nullable: true,
    description: 'What the registration is for: a cohort, a network meeting or an event (ask with `... on Cohort` and so on).',
  })
  offering(@Root() registration: RegistrationObject, @Ctx() ctx: RequestContext): Promise<OfferingObject | null> {
    return offeringOwnerObject(registration.offeringEntityId, ctx);
  }

  @FieldResolver(() => PersonObject, { nullable: true, description: 'Who is registered; null when you may not see them.' })
  person(
    @Root() registration: RegistrationObject,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): PersonObject | null | Promise<PersonObject | null> {
    const hit = prefetched<PersonObject | null>(registration, info);
    return hit !== undefined ? hit : this.loadPerson(registration, ctx);
  }

  private async loadPerson(registration: RegistrationObject, ctx: RequestContext): Promise<PersonObject | null> {
    const person = await ctx.loaders.person.load(registration.personEntityId);
    return person ? toPersonObject(person) : null;
  }

  @Query(() => RegistrationConnection, {
    description: 'Registrations awaiting your approval (of people of the organisations you administer; administrators: all), oldest first.',
  })
  async registrationsAwaitingApproval(@Args() args: ConnectionArgs, @Ctx() ctx: RequestContext): Promise<Connection<RegistrationObject>> {
    const page = toPageRequest(args, { field: 'registeredAt' as const, direction: OrderDirection.ASC });
    return mapConnection(await ctx.service(OfferingService).awaitingApproval(page), toRegistrationObject);
  }

  @Mutation(() => RegistrationPayload, {
    description:
      'Cancels a registration for a cohort, a network meeting or an event (or leaves its waitlist); a freed place goes to the first in line.',
  })
  async registrationCancel(
    @Arg('input', () => RegistrationCancelInput, { description: 'The registration to cancel.' }) input: RegistrationCancelInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RegistrationPayload> {
    return registrationPayload(await mutationResult(() => ctx.service(OfferingService).cancel(input)));
  }

  @Mutation(() => RegistrationPayload, {
    description: 'Accepts an offered place before the offer expires (decline with registrationCancel).',
  })
  async registrationAcceptOffer(
    @Arg('input', () => RegistrationAcceptOfferInput, { description: 'The registration whose offered place to accept.' })
    input: RegistrationAcceptOfferInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RegistrationPayload> {
    return registrationPayload(await mutationResult(() => ctx.service(OfferingService).acceptOffer(input)));
  }

  @Mutation(() => RegistrationPayload, {
    description:
      'Ends an open offer now (administrators), by the same path as the expiry job: the offer lapses, the person is told, and the place goes to the next in line. For trying the time-based rules without waiting.',
  })
  async registrationExpireOffer(
    @Arg('input', () => RegistrationExpireOfferInput, { description: 'The registration whose open offer to end now.' })
    input: RegistrationExpireOfferInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RegistrationPayload> {
    return registrationPayload(await mutationResult(() => ctx.service(OfferingService).expireOffer(input)));
  }

  @Mutation(() => RegistrationPayload, {
    description:
      "Approves a registration awaiting approval (administrators, the person's organisation admins): a place if there is room, else the waitlist.",
  })
  async registrationApprove(
    @Arg('input', () => RegistrationApproveInput, { description: 'The registration awaiting approval to approve.' })
    input: RegistrationApproveInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RegistrationPayload> {
    return registrationPayload(await mutationResult(() => ctx.service(OfferingService).approve(input)));
  }

  @Mutation(() => RegistrationPayload, {
    description:
      "Rejects a registration awaiting approval with a reason the person is told (administrators, the person's organisation admins).",
  })
  async registrationReject(
    @Arg('input', () => RegistrationRejectInput, { description: 'The registration awaiting approval to reject, and why.' })
    input: RegistrationRejectInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RegistrationPayload> {
    return registrationPayload(await mutationResult(() => ctx.service(OfferingService).reject(input)));
  }

  @Mutation(() => RegistrationPayload, { description: 'Moves a waitlisted registration to another place in the queue (administrators).' })
  async registrationMove(
    @Arg('input', () => RegistrationMoveInput, { description: 'The waitlisted registration and its new place in the queue.' })
    input: RegistrationMoveInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RegistrationPayload> {
    return registrationPayload(await mutationResult(() => ctx.service(OfferingService).moveInQueue(input)));
  }
}

@Resolver(() => SessionObject)
export class SessionResolver {
  @FieldResolver(() => [AttendanceObject], { description: 'Attendance recorded, for the participants you may see.' })
  async attendance(@Root() session: SessionObject, @Ctx() ctx: RequestContext): Promise<AttendanceObject[]> {
    return (await ctx.loaders.attendance.load(session.entityId)).map(toAttendanceObject);
  }

  @FieldResolver(() => OfferingObject, { nullable: true, description: 'The cohort, network meeting or event this is a session of.' })
  offering(@Root() session: SessionObject, @Ctx() ctx: RequestContext): Promise<OfferingObject | null> {
    return offeringOwnerObject(session.offeringEntityId, ctx);
  }

  @Mutation(() => SessionPayload, { description: 'Adds a session to a cohort or an event (administrators).' })
  async sessionCreate(
    @Arg('input', () => SessionCreateInput, { description: 'The cohort or event, and when and where the new session is.' })
    input: SessionCreateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SessionPayload> {
    return sessionPayload(await mutationResult(() => ctx.service(OfferingService).createSession(input)));
  }

  @Mutation(() => SessionPayload, {
    description:
      "Changes a session of a cohort, a network meeting or an event (administrators); a meeting's registration closes when it starts.",
  })
  async sessionUpdate(
    @Arg('input', () => SessionUpdateInput, { description: 'The session and what to change of it.' }) input: SessionUpdateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SessionPayload> {
    return sessionPayload(await mutationResult(() => ctx.service(OfferingService).updateSession(input)));
  }

  @Mutation(() => SessionPayload, {
    description: 'Removes a session of a cohort or an event and its attendance (administrators); completion is recomputed.',
  })
  async sessionDelete(
    @Arg('input', () => SessionDeleteInput, { description: 'The session to remove.' }) input: SessionDeleteInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SessionPayload> {
    return sessionPayload(await mutationResult(() => ctx.service(OfferingService).deleteSession(input)));
  }

  @Mutation(() => SessionPayload, {
    description:
      'Records attendance at a session that has started (administrators; competence coordinators for the people of their workplaces).',
  })
  async attendanceRecord(
    @Arg('input', () => AttendanceRecordInput, { description: 'The session, and who attended it.' }) input: AttendanceRecordInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SessionPayload> {
    return sessionPayload(await mutationResult(() => ctx.service(OfferingService).recordAttendance(input)));
  }
}

@Resolver(() => AttendanceObject)
export class AttendanceResolver {
  @FieldResolver(() => RegistrationObject, { nullable: true, description: "The participant's registration." })
  async registration(@Root() attendance: AttendanceObject, @Ctx() ctx: RequestContext): Promise<RegistrationObject | null> {
    const registration = await ctx.loaders.registration.load(attendance.registrationEntityId);
    return registration ? toRegistrationObject(registration) : null;
  }
}

@Resolver(() => SeatQuotaObject)
export class SeatQuotaResolver {
  @FieldResolver(() => OrganisationObject, { description: 'The member organisation.' })
  async organisation(@Root() quota: SeatQuotaObject, @Ctx() ctx: RequestContext): Promise<OrganisationObject> {
    return toOrganisationObject((await ctx.loaders.organisation.load(quota.organisationEntityId))!);
  }
}

@Resolver(() => PersonObject)
export class PersonTrainingResolver {
  @FieldResolver(() => [RegistrationObject], {
    description: 'Registrations for cohorts, network meetings and events that have not ended (places, queue places, offers), newest first.',
  })
  async registrations(@Root() person: PersonObject, @Ctx() ctx: RequestContext): Promise<RegistrationObject[]> {
    return (await ctx.loaders.personRegistrations.load(person.entityId)).map(toRegistrationObject);
  }

  @FieldResolver(() => RegistrationConnection, {
    description:
      'Registrations that have ended (cancelled, rejected with the reason, lapsed offers), the most recently ended first, paged; for the places that have not ended see `registrations`.',
  })
  async endedRegistrations(
    @Root() person: PersonObject,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<Connection<RegistrationObject>> {
    const page = toPageRequest(args, { field: 'updatedAt' as const, direction: OrderDirection.DESC });
    return mapConnection(await ctx.loaders.endedRegistrationPages(page).load(person.entityId), toRegistrationObject);
  }

  @FieldResolver(() => [RegistrationObject], {
    description: "Completed programmes: the cohort places whose programme's completion rule was met, oldest first.",
  })
  async completions(@Root() person: PersonObject, @Ctx() ctx: RequestContext): Promise<RegistrationObject[]> {
    return (await ctx.loaders.completions.load(person.entityId)).map(toRegistrationObject);
  }
}
