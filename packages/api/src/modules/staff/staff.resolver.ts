import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context.js';
import { mutationResult, type MutationOutcome } from '../../platform/errors/mutation-payload.js';
import { mapConnection, type Connection } from '../../platform/pagination/connection.js';
import { ConnectionArgs, toPageRequest } from '../../platform/pagination/connection-args.js';
import { PersonObject, toPersonObject } from '../person/person.types.js';
import { toWorkplaceObject, WorkplaceObject } from '../workplace/workplace.types.js';
import type { Employment } from './employment.entity.js';
import { EmploymentStatus } from './staff.enums.js';
import { EmploymentCreateInput, EmploymentEndInput, EmploymentUpdateInput, StaffFilterInput, StaffOrderInput } from './staff.inputs.js';
import { StaffPolicy } from './staff.policy.js';
import { StaffService } from './staff.service.js';
import { EmploymentObject, EmploymentPayload, employmentStatusOn, StaffConnection, toEmploymentObject } from './staff.types.js';

@ArgsType()
class StaffListArgs extends ConnectionArgs {
  @Field(() => StaffFilterInput, { nullable: true, description: 'Which staff: a name search, current or ended employments.' })
  filter?: StaffFilterInput | null;

  @Field(() => StaffOrderInput, { nullable: true, description: 'Order of the staff (default: by last name, then first name).' })
  orderBy?: StaffOrderInput | null;
}

function payload(outcome: MutationOutcome<Employment>): EmploymentPayload {
  return Object.assign(new EmploymentPayload(), {
    employment: outcome.result ? toEmploymentObject(outcome.result) : null,
    errors: outcome.errors,
  });
}

@Resolver(() => EmploymentObject)
export class EmploymentResolver {
  @Mutation(() => EmploymentPayload, { description: "Registers a person's employment at a workplace of their organisation." })
  async employmentCreate(
    @Arg('input', () => EmploymentCreateInput, {
      description: 'The person, the workplace, the first (and last) day, employee number and title.',
    })
    input: EmploymentCreateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<EmploymentPayload> {
    return payload(await mutationResult(() => ctx.service(StaffService).create(input)));
  }

  @Mutation(() => EmploymentPayload, { description: "Corrects an employment's days, employee number or title." })
  async employmentUpdate(
    @Arg('input', () => EmploymentUpdateInput, {
      description: 'The employment and its corrected values; fields left out stay as they are.',
    })
    input: EmploymentUpdateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<EmploymentPayload> {
    return payload(await mutationResult(() => ctx.service(StaffService).update(input)));
  }

  @Mutation(() => EmploymentPayload, { description: 'Ends an employment on a day; it stays in the staff history.' })
  async employmentEnd(
    @Arg('input', () => EmploymentEndInput, { description: 'The employment and its last day (default today).' })
    input: EmploymentEndInput,
    @Ctx() ctx: RequestContext,
  ): Promise<EmploymentPayload> {
    return payload(await mutationResult(() => ctx.service(StaffService).end(input)));
  }

  @FieldResolver(() => EmploymentStatus, { description: 'Whether the employment is current, upcoming or ended today.' })
  status(@Root() employment: EmploymentObject, @Ctx() ctx: RequestContext): EmploymentStatus {
    return employmentStatusOn(employment, ctx.today);
  }

  @FieldResolver(() => PersonObject, { description: 'The person employed (e-mail and phone only for those who may contact them).' })
  async person(@Root() employment: EmploymentObject, @Ctx() ctx: RequestContext): Promise<PersonObject> {
    return toPersonObject((await ctx.loaders.employedPerson.load(employment.personEntityId))!);
  }

  @FieldResolver(() => WorkplaceObject, { nullable: true, description: 'The workplace; null when you may not see it in the directory.' })
  async workplace(@Root() employment: EmploymentObject, @Ctx() ctx: RequestContext): Promise<WorkplaceObject | null> {
    const workplace = await ctx.loaders.workplace.load(employment.workplaceEntityId);
    return workplace ? toWorkplaceObject(workplace) : null;
  }
}

/** `Workplace.staff`: the staff module owns every query about employments. */
@Resolver(() => WorkplaceObject)
export class WorkplaceStaffResolver {
  @FieldResolver(() => StaffConnection, {
    description:
      "The workplace's staff (its employments, history included unless filtered), in pages; empty unless you administer its organisation or are its manager or workplace coordinator.",
  })
  async staff(
    @Root() workplace: WorkplaceObject,
    @Args() args: StaffListArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<Connection<EmploymentObject>> {
    const page = toPageRequest(args, args.orderBy ?? new StaffOrderInput());
    if (!StaffPolicy.of(ctx.access).canReadStaffOf({ id: workplace.entityId, organisationId: workplace.organisationEntityId })) {
      return { edges: [], totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } };
    }
    const connection = await ctx.loaders.staffPages({ filter: args.filter ?? {}, page }).load(workplace.entityId);
    return mapConnection(connection, toEmploymentObject);
  }
}

/** `Person.employments`. */
@Resolver(() => PersonObject)
export class PersonEmploymentsResolver {
  @FieldResolver(() => [EmploymentObject], {
    description:
      "The person's employments you may see (your own, or as their organisation's admin, manager or workplace coordinator), latest first.",
  })
  async employments(@Root() person: PersonObject, @Ctx() ctx: RequestContext): Promise<EmploymentObject[]> {
    return (await ctx.loaders.employmentsOfPerson.load(person.entityId)).map(toEmploymentObject);
  }
}
