import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context.js';
import { mutationResult } from '../../platform/errors/mutation-payload.js';
import { fromGlobalId } from '../../platform/graphql/global-id.js';
import { mapConnection, OrderDirection, type Connection } from '../../platform/pagination/connection.js';
import { ConnectionArgs, toPageRequest } from '../../platform/pagination/connection-args.js';
import {
  loadOfferingFields,
  offeringFields,
  RegistrationObject,
  RegistrationPayload,
  registrationPayload,
} from '../offering/offering.types.js';
import type { Cohort } from './cohort.entity.js';
import type { Programme } from './programme.entity.js';
import {
  CohortCreateInput,
  CohortFilterInput,
  CohortRegisterInput,
  CohortUpdateInput,
  ProgrammeCreateInput,
  ProgrammeFilterInput,
  ProgrammeOrderInput,
  ProgrammeUpdateInput,
  RegistrationTransferInput,
} from './cohort.inputs.js';
import { CohortService } from './cohort.service.js';
import {
  CohortConnection,
  CohortObject,
  CohortPayload,
  ProgrammeConnection,
  ProgrammeObject,
  ProgrammePayload,
  toCohortObject,
  toProgrammeObject,
} from './cohort.types.js';

@ArgsType()
class CohortListArgs extends ConnectionArgs {
  @Field(() => CohortFilterInput, { nullable: true, description: 'Which cohorts (default: those of every programme).' })
  filter?: CohortFilterInput | null;
}

@ArgsType()
class ProgrammeListArgs extends ConnectionArgs {
  @Field(() => ProgrammeFilterInput, { nullable: true, description: 'Which programmes (default: all).' })
  filter?: ProgrammeFilterInput | null;

  @Field(() => ProgrammeOrderInput, { nullable: true, description: 'Order of the programmes (default: by name).' })
  orderBy?: ProgrammeOrderInput | null;
}

function programmePayload(outcome: { result?: Programme | null; errors: ProgrammePayload['errors'] }): ProgrammePayload {
  return Object.assign(new ProgrammePayload(), {
    programme: outcome.result ? toProgrammeObject(outcome.result) : null,
    errors: outcome.errors,
  });
}

export async function cohortObject(cohort: Cohort, ctx: RequestContext): Promise<CohortObject> {
  // One load, no extra await: the offering joins the same batch as before the move (the statement counts hold).
  return toCohortObject(cohort, offeringFields((await ctx.loaders.offering.load(cohort.offeringId))!));
}

@Resolver(() => CohortObject)
export class CohortResolver {
  @Query(() => CohortConnection, { description: 'Cohorts of all programmes (or those the filter asks for), newest first.' })
  async cohorts(@Args() args: CohortListArgs, @Ctx() ctx: RequestContext): Promise<Connection<CohortObject>> {
    const page = toPageRequest(args, { field: 'createdAt' as const, direction: OrderDirection.DESC });
    const connection = await ctx.service(CohortService).list(page, args.filter ?? undefined);
    const offerings = await loadOfferingFields(
      ctx.loaders,
      connection.edges.map((edge) => edge.node.offeringId),
    );
    const byCohort = new Map(connection.edges.map((edge, index) => [edge.node.id, offerings[index]!]));
    return mapConnection(connection, (cohort) => toCohortObject(cohort, byCohort.get(cohort.id)!));
  }

  @Query(() => CohortObject, { nullable: true, description: 'One cohort by id; null when there is none.' })
  async cohort(
    @Arg('id', () => ID, { description: 'Global id.' }) id: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CohortObject | null> {
    const compiled = await ctx.loaders.compiledReads.read(info, { id });
    if (compiled) return compiled.value as CohortObject | null;
    const decoded = fromGlobalId(id, 'Cohort');
    const cohort = decoded ? await ctx.service(CohortService).find(decoded.id) : null;
    return cohort ? cohortObject(cohort, ctx) : null;
  }

  @Query(() => ProgrammeConnection, { description: 'Training programmes, searchable by name; by name unless ordered otherwise.' })
  async programmes(@Args() args: ProgrammeListArgs, @Ctx() ctx: RequestContext): Promise<Connection<ProgrammeObject>> {
    const page = toPageRequest(args, args.orderBy ?? new ProgrammeOrderInput());
    return mapConnection(await ctx.service(CohortService).listProgrammes(args.filter ?? undefined, page), toProgrammeObject);
  }

  @Mutation(() => ProgrammePayload, { description: 'Creates a training programme (administrators).' })
  async programmeCreate(
    @Arg('input', () => ProgrammeCreateInput, { description: 'The new programme: its name and its completion rule.' })
    input: ProgrammeCreateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProgrammePayload> {
    return programmePayload(await mutationResult(() => ctx.service(CohortService).createProgramme(input)));
  }

  @Mutation(() => ProgrammePayload, {
    description: "Changes a programme's name, description or completion rule (administrators); completions follow a new rule.",
  })
  async programmeUpdate(
    @Arg('input', () => ProgrammeUpdateInput, { description: 'The programme and what to change of it.' }) input: ProgrammeUpdateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProgrammePayload> {
    return programmePayload(await mutationResult(() => ctx.service(CohortService).updateProgramme(input)));
  }

  @Mutation(() => CohortPayload, { description: 'Creates a cohort of a programme (administrators).' })
  async cohortCreate(
    @Arg('input', () => CohortCreateInput, {
      description: 'The programme, and the new cohort: its name, places, registration window, audience and seat quotas.',
    })
    input: CohortCreateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CohortPayload> {
    const outcome = await mutationResult(() => ctx.service(CohortService).createCohort(input));
    ctx.loaders.offering.clearAll();
    return Object.assign(new CohortPayload(), {
      cohort: outcome.result ? await cohortObject(outcome.result, ctx) : null,
      errors: outcome.errors,
    });
  }

  @Mutation(() => CohortPayload, { description: 'Changes a cohort: status, or capacity (new places go to the waitlist at once).' })
  async cohortUpdate(
    @Arg('input', () => CohortUpdateInput, { description: 'The cohort and what to change of it.' }) input: CohortUpdateInput,
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
    description: 'Registers a person (default: yourself) for a cohort: confirmed while places are left, else waitlisted.',
  })
  async cohortRegister(
    @Arg('input', () => CohortRegisterInput, { description: 'The cohort to register for and whom to register.' })
    input: CohortRegisterInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RegistrationPayload> {
    return registrationPayload(await mutationResult(() => ctx.service(CohortService).register(input)));
  }

  @Mutation(() => RegistrationPayload, {
    description:
      "Moves a person's registration to another cohort (administrators): the old place goes to that cohort's queue; the new one is a place or the end of the other queue.",
  })
  async registrationTransfer(
    @Arg('input', () => RegistrationTransferInput, { description: 'The registration and the cohort to move it to.' })
    input: RegistrationTransferInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RegistrationPayload> {
    return registrationPayload(await mutationResult(() => ctx.service(CohortService).transfer(input)));
  }

  @FieldResolver(() => ProgrammeObject, { description: 'The programme.' })
  async programme(@Root() cohort: CohortObject, @Ctx() ctx: RequestContext): Promise<ProgrammeObject> {
    return toProgrammeObject((await ctx.loaders.programme.load(cohort.programmeEntityId))!);
  }
}

@Resolver(() => RegistrationObject)
export class RegistrationCohortResolver {
  @FieldResolver(() => CohortObject, { nullable: true, description: 'The cohort registered for, if it is one (see also offering).' })
  async cohort(@Root() registration: RegistrationObject, @Ctx() ctx: RequestContext): Promise<CohortObject | null> {
    const cohort = await ctx.loaders.cohortByOffering.load(registration.offeringEntityId);
    return cohort ? cohortObject(cohort, ctx) : null;
  }
}
