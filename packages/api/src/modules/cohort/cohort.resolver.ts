import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context.js';
import { mutationResult } from '../../platform/errors/mutation-payload.js';
import { fromGlobalId } from '../../platform/graphql/global-id.js';
import { mapConnection, OrderDirection, type Connection } from '../../platform/pagination/connection.js';
import { ConnectionArgs, toPageRequest } from '../../platform/pagination/connection-args.js';
import { OrganisationObject, toOrganisationObject } from '../organisation/organisation.types.js';
import { PersonObject, toPersonObject } from '../person/person.types.js';
import { Offering } from '../registration/registration.entities.js';
import { Cohort } from './cohort.entities.js';
import {
  AttendanceRecordInput,
  CohortCreateInput,
  CohortRegisterInput,
  CohortUpdateInput,
  ProgrammeCreateInput,
  RegistrationAcceptOfferInput,
  RegistrationCancelInput,
  RegistrationMoveInput,
  RegistrationTransferInput,
  SessionCreateInput,
  SessionDeleteInput,
  SessionUpdateInput,
} from './cohort.inputs.js';
import { CohortService } from './cohort.service.js';
import { RegistrationApproveInput, RegistrationRejectInput } from './registration-approval.inputs.js';
import {
  CohortConnection,
  CohortObject,
  CohortPayload,
  ProgrammeObject,
  ProgrammePayload,
  RegistrationConnection,
  RegistrationObject,
  RegistrationPayload,
  AttendanceObject,
  SeatQuotaObject,
  SessionObject,
  SessionPayload,
  toAttendanceObject,
  toCohortObject,
  toProgrammeObject,
  toRegistrationObject,
  toSessionObject,
} from './cohort.types.js';

async function cohortObject(cohort: Cohort, ctx: RequestContext): Promise<CohortObject> {
  return toCohortObject(cohort, (await ctx.loaders.offering.load(cohort.offering.id))!);
}

@Resolver(() => CohortObject)
export class CohortResolver {
  @Query(() => CohortConnection, { description: 'Cohorts of all programmes, newest first.' })
  async cohorts(@Args() args: ConnectionArgs, @Ctx() ctx: RequestContext): Promise<Connection<CohortObject>> {
    const page = toPageRequest(args, { field: 'createdAt' as const, direction: OrderDirection.DESC });
    const connection = await ctx.service(CohortService).list(page);
    const offerings = await ctx.loaders.offering.loadMany(connection.edges.map((edge) => edge.node.offering.id));
    return mapConnection(connection, (cohort) =>
      toCohortObject(cohort, offerings.find((o) => (o as Offering).id === cohort.offering.id) as Offering),
    );
  }

  @Query(() => CohortObject, { nullable: true, description: 'One cohort by id; null when there is none.' })
  async cohort(@Arg('id', () => ID, { description: 'Global id.' }) id: string, @Ctx() ctx: RequestContext): Promise<CohortObject | null> {
    const decoded = fromGlobalId(id, 'Cohort');
    const cohort = decoded ? await ctx.service(CohortService).find(decoded.id) : null;
    return cohort ? cohortObject(cohort, ctx) : null;
  }

  @Mutation(() => ProgrammePayload, { description: 'Creates a training programme (administrators).' })
  async programmeCreate(
    @Arg('input', () => ProgrammeCreateInput, { description: 'What to change.' }) input: ProgrammeCreateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProgrammePayload> {
    const outcome = await mutationResult(() => ctx.service(CohortService).createProgramme(input));
    return Object.assign(new ProgrammePayload(), {
      programme: outcome.result ? toProgrammeObject(outcome.result) : null,
      errors: outcome.errors,
    });
  }

  @Mutation(() => CohortPayload, { description: 'Creates a cohort of a programme (administrators).' })
  async cohortCreate(
    @Arg('input', () => CohortCreateInput, { description: 'What to change.' }) input: CohortCreateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CohortPayload> {
    const outcome = await mutationResult(() => ctx.service(CohortService).createCohort(input));
    return Object.assign(new CohortPayload(), {
      cohort: outcome.result ? await cohortObject(outcome.result, ctx) : null,
      errors: outcome.errors,
    });
  }

  @Mutation(() => CohortPayload, { description: 'Changes a cohort: status, or capacity (new places go to the waitlist at once).' })
  async cohortUpdate(
    @Arg('input', () => CohortUpdateInput, { description: 'What to change.' }) input: CohortUpdateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CohortPayload> {
    const outcome = await mutationResult(() => ctx.service(CohortService).updateCohort(input));
    ctx.loaders.offering.clearAll();
    return Object.assign(new CohortPayload(), {
      cohort: outcome.result ? await cohortObject(outcome.result, ctx) : null,
      errors: outcome.errors,
    });
  }

  @Mutation(() => RegistrationPayload, {
    description: 'Registers a person (default: yourself): confirmed while places are left, else waitlisted.',
  })
  async cohortRegister(
    @Arg('input', () => CohortRegisterInput, { description: 'What to change.' }) input: CohortRegisterInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RegistrationPayload> {
    const outcome = await mutationResult(() => ctx.service(CohortService).register(input));
    return Object.assign(new RegistrationPayload(), {
      registration: outcome.result ? toRegistrationObject(outcome.result) : null,
      errors: outcome.errors,
    });
  }

  @Mutation(() => RegistrationPayload, {
    description: 'Cancels a registration (or leaves the waitlist); a freed place goes to the first in line.',
  })
  async registrationCancel(
    @Arg('input', () => RegistrationCancelInput, { description: 'What to change.' }) input: RegistrationCancelInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RegistrationPayload> {
    const outcome = await mutationResult(() => ctx.service(CohortService).cancel(input));
    return Object.assign(new RegistrationPayload(), {
      registration: outcome.result ? toRegistrationObject(outcome.result) : null,
      errors: outcome.errors,
    });
  }

  @Mutation(() => RegistrationPayload, {
    description: 'Accepts an offered place before the offer expires (decline with registrationCancel).',
  })
  async registrationAcceptOffer(
    @Arg('input', () => RegistrationAcceptOfferInput, { description: 'What to change.' }) input: RegistrationAcceptOfferInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RegistrationPayload> {
    const outcome = await mutationResult(() => ctx.service(CohortService).acceptOffer(input));
    return Object.assign(new RegistrationPayload(), {
      registration: outcome.result ? toRegistrationObject(outcome.result) : null,
      errors: outcome.errors,
    });
  }

  @Query(() => RegistrationConnection, {
    description: 'Registrations awaiting your approval (of people of the organisations you administer; administrators: all), oldest first.',
  })
  async registrationsAwaitingApproval(@Args() args: ConnectionArgs, @Ctx() ctx: RequestContext): Promise<Connection<RegistrationObject>> {
    const page = toPageRequest(args, { field: 'registeredAt' as const, direction: OrderDirection.ASC });
    return mapConnection(await ctx.service(CohortService).awaitingApproval(page), toRegistrationObject);
  }

  @Mutation(() => RegistrationPayload, {
    description:
      "Approves a registration awaiting approval (administrators, the person's organisation admins): a place if there is room, else the waitlist.",
  })
  async registrationApprove(
    @Arg('input', () => RegistrationApproveInput, { description: 'What to change.' }) input: RegistrationApproveInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RegistrationPayload> {
    const outcome = await mutationResult(() => ctx.service(CohortService).approve(input));
    return Object.assign(new RegistrationPayload(), {
      registration: outcome.result ? toRegistrationObject(outcome.result) : null,
      errors: outcome.errors,
    });
  }

  @Mutation(() => RegistrationPayload, {
    description:
      "Rejects a registration awaiting approval with a reason the person is told (administrators, the person's organisation admins).",
  })
  async registrationReject(
    @Arg('input', () => RegistrationRejectInput, { description: 'What to change.' }) input: RegistrationRejectInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RegistrationPayload> {
    const outcome = await mutationResult(() => ctx.service(CohortService).reject(input));
    return Object.assign(new RegistrationPayload(), {
      registration: outcome.result ? toRegistrationObject(outcome.result) : null,
      errors: outcome.errors,
    });
  }

  @Mutation(() => RegistrationPayload, { description: 'Moves a waitlisted registration to another place in the queue (administrators).' })
  async registrationMove(
    @Arg('input', () => RegistrationMoveInput, { description: 'What to change.' }) input: RegistrationMoveInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RegistrationPayload> {
    const outcome = await mutationResult(() => ctx.service(CohortService).moveInQueue(input));
    return Object.assign(new RegistrationPayload(), {
      registration: outcome.result ? toRegistrationObject(outcome.result) : null,
      errors: outcome.errors,
    });
  }

  @Mutation(() => RegistrationPayload, {
    description:
      "Moves a person's registration to another cohort (administrators): the old place goes to that cohort's queue; the new one is a place or the end of the other queue.",
  })
  async registrationTransfer(
    @Arg('input', () => RegistrationTransferInput, { description: 'What to change.' }) input: RegistrationTransferInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RegistrationPayload> {
    const outcome = await mutationResult(() => ctx.service(CohortService).transfer(input));
    return Object.assign(new RegistrationPayload(), {
      registration: outcome.result ? toRegistrationObject(outcome.result) : null,
      errors: outcome.errors,
    });
  }

  @Mutation(() => SessionPayload, { description: 'Adds a session to a cohort (administrators).' })
  async sessionCreate(
    @Arg('input', () => SessionCreateInput, { description: 'What to change.' }) input: SessionCreateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SessionPayload> {
    const outcome = await mutationResult(() => ctx.service(CohortService).createSession(input));
    return Object.assign(new SessionPayload(), {
      session: outcome.result ? toSessionObject(outcome.result) : null,
      errors: outcome.errors,
    });
  }

  @Mutation(() => SessionPayload, { description: 'Changes a session (administrators).' })
  async sessionUpdate(
    @Arg('input', () => SessionUpdateInput, { description: 'What to change.' }) input: SessionUpdateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SessionPayload> {
    const outcome = await mutationResult(() => ctx.service(CohortService).updateSession(input));
    return Object.assign(new SessionPayload(), {
      session: outcome.result ? toSessionObject(outcome.result) : null,
      errors: outcome.errors,
    });
  }

  @Mutation(() => SessionPayload, { description: 'Removes a session and its attendance (administrators); completion is recomputed.' })
  async sessionDelete(
    @Arg('input', () => SessionDeleteInput, { description: 'What to change.' }) input: SessionDeleteInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SessionPayload> {
    const outcome = await mutationResult(() => ctx.service(CohortService).deleteSession(input));
    return Object.assign(new SessionPayload(), {
      session: outcome.result ? toSessionObject(outcome.result) : null,
      errors: outcome.errors,
    });
  }

  @Mutation(() => SessionPayload, {
    description: 'Records attendance at a session (administrators; competence coordinators for the people of their workplaces).',
  })
  async attendanceRecord(
    @Arg('input', () => AttendanceRecordInput, { description: 'What to change.' }) input: AttendanceRecordInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SessionPayload> {
    const outcome = await mutationResult(() => ctx.service(CohortService).recordAttendance(input));
    return Object.assign(new SessionPayload(), {
      session: outcome.result ? toSessionObject(outcome.result) : null,
      errors: outcome.errors,
    });
  }

  @FieldResolver(() => [SessionObject], { description: 'Sessions, in time order.' })
  async sessions(@Root() cohort: CohortObject, @Ctx() ctx: RequestContext): Promise<SessionObject[]> {
    return (await ctx.loaders.sessions.load(cohort.offeringEntityId)).map(toSessionObject);
  }

  @FieldResolver(() => [SeatQuotaObject], { description: 'Places reserved per member organisation (empty: none).' })
  async seatQuotas(@Root() cohort: CohortObject, @Ctx() ctx: RequestContext): Promise<SeatQuotaObject[]> {
    const [quotas, taken] = await Promise.all([
      ctx.loaders.seatQuotas.load(cohort.offeringEntityId),
      ctx.loaders.placesByOrganisation.load(cohort.offeringEntityId),
    ]);
    return quotas.map((quota) =>
      Object.assign(new SeatQuotaObject(), {
        organisationEntityId: quota.organisation.id,
        places: quota.places,
        taken: taken.get(quota.organisation.id) ?? 0,
      }),
    );
  }

  @FieldResolver(() => ProgrammeObject, { description: 'The programme.' })
  async programme(@Root() cohort: CohortObject, @Ctx() ctx: RequestContext): Promise<ProgrammeObject> {
    return toProgrammeObject((await ctx.loaders.programme.load(cohort.programmeEntityId))!);
  }

  @FieldResolver(() => RegistrationConnection, {
    description:
      'Registrations you may see that have not ended (awaiting approval, confirmed, offered, waitlisted), in the order they came.',
  })
  async registrations(
    @Root() cohort: CohortObject,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<Connection<RegistrationObject>> {
    const page = toPageRequest(args, { field: 'registeredAt' as const, direction: OrderDirection.ASC });
    return mapConnection(await ctx.loaders.registrationPages({ page }).load(cohort.offeringEntityId), toRegistrationObject);
  }
}

@Resolver(() => RegistrationObject)
export class RegistrationResolver {
  @FieldResolver(() => CohortObject, { nullable: true, description: 'The cohort registered for.' })
  async cohort(@Root() registration: RegistrationObject, @Ctx() ctx: RequestContext): Promise<CohortObject | null> {
    const cohort = await ctx.loaders.cohortByOffering.load(registration.offeringEntityId);
    return cohort ? cohortObject(cohort, ctx) : null;
  }

  @FieldResolver(() => PersonObject, { nullable: true, description: 'Who is registered; null when you may not see them.' })
  async person(@Root() registration: RegistrationObject, @Ctx() ctx: RequestContext): Promise<PersonObject | null> {
    const person = await ctx.loaders.person.load(registration.personEntityId);
    return person ? toPersonObject(person) : null;
  }
}

@Resolver(() => SessionObject)
export class SessionResolver {
  @FieldResolver(() => [AttendanceObject], { description: 'Attendance recorded, for the participants you may see.' })
  async attendance(@Root() session: SessionObject, @Ctx() ctx: RequestContext): Promise<AttendanceObject[]> {
    return (await ctx.loaders.attendance.load(session.entityId)).map(toAttendanceObject);
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
    description: 'Registrations that have not ended (places, queue places, offers), newest first.',
  })
  async registrations(@Root() person: PersonObject, @Ctx() ctx: RequestContext): Promise<RegistrationObject[]> {
    return (await ctx.loaders.personRegistrations.load(person.entityId)).map(toRegistrationObject);
  }

  @FieldResolver(() => [RegistrationObject], {
    description: 'Completed programmes: the places whose completion rule was met, oldest first.',
  })
  async completions(@Root() person: PersonObject, @Ctx() ctx: RequestContext): Promise<RegistrationObject[]> {
    return (await ctx.loaders.completions.load(person.entityId)).map(toRegistrationObject);
  }
}
