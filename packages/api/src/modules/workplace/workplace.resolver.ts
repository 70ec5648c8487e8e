import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context.js';
import { mutationResult, type MutationOutcome } from '../../platform/errors/mutation-payload.js';
import { fromGlobalId } from '../../platform/graphql/global-id.js';
import { mapConnection, type Connection } from '../../platform/pagination/connection.js';
import { ConnectionArgs, toPageRequest } from '../../platform/pagination/connection-args.js';
import { prefetched } from '../../platform/read-compiler/prefetched.js';
import { OrganisationObject, toOrganisationObject } from '../organisation/organisation.types.js';
import { Role } from '../role-assignment/role-assignment.entity.js';
import { RoleAssignmentObject, toRoleAssignmentObject } from '../role-assignment/role-assignment.types.js';
import type { Workplace } from './workplace.entity.js';
import { WorkplaceCreateInput, WorkplaceFilterInput, WorkplaceOrderInput, WorkplaceUpdateInput } from './workplace.inputs.js';
import { WorkplaceService } from './workplace.service.js';
import { toWorkplaceObject, WorkplaceConnection, WorkplaceObject, WorkplacePayload } from './workplace.types.js';

@ArgsType()
class WorkplaceListArgs extends ConnectionArgs {
  @Field(() => WorkplaceFilterInput, { nullable: true, description: 'Which workplaces.' })
  filter?: WorkplaceFilterInput | null;

  @Field(() => WorkplaceOrderInput, { nullable: true, description: 'Order of the workplaces (default: by name).' })
  orderBy?: WorkplaceOrderInput | null;
}

function payload(outcome: MutationOutcome<Workplace>): WorkplacePayload {
  return Object.assign(new WorkplacePayload(), {
    workplace: outcome.result ? toWorkplaceObject(outcome.result) : null,
    errors: outcome.errors,
  });
}

@Resolver(() => WorkplaceObject)
export class WorkplaceResolver {
  @Query(() => WorkplaceConnection, { description: 'Workplaces of all member organisations.' })
  async workplaces(
    @Args() args: WorkplaceListArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<WorkplaceObject>> {
    const compiled = await ctx.loaders.compiledReads.read(info, args as unknown as Record<string, unknown>);
    if (compiled) return compiled.value as Connection<WorkplaceObject>;
    const page = toPageRequest(args, args.orderBy ?? new WorkplaceOrderInput(), info);
    return mapConnection(await ctx.service(WorkplaceService).list(args.filter ?? undefined, page), toWorkplaceObject);
  }

  @Query(() => WorkplaceObject, { nullable: true, description: 'One workplace by id; null when there is none.' })
  async workplace(
    @Arg('id', () => ID, { description: 'Global id of the workplace.' }) id: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<WorkplaceObject | null> {
    const compiled = await ctx.loaders.compiledReads.read(info, { id });
    if (compiled) return compiled.value as WorkplaceObject | null;
    const decoded = fromGlobalId(id, 'Workplace');
    const entity = decoded ? await ctx.loaders.workplace.load(decoded.id) : null;
    return entity ? toWorkplaceObject(entity) : null;
  }

  @Mutation(() => WorkplacePayload, { description: 'Registers a workplace of a member organisation.' })
  async workplaceCreate(
    @Arg('input', () => WorkplaceCreateInput, {
      description: 'The new workplace: its organisation, name, type of care, address, number of employees and joining date.',
    })
    input: WorkplaceCreateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<WorkplacePayload> {
    return payload(await mutationResult(() => ctx.service(WorkplaceService).create(input)));
  }

  @Mutation(() => WorkplacePayload, { description: 'Changes a workplace, including leaving or rejoining the model.' })
  async workplaceUpdate(
    @Arg('input', () => WorkplaceUpdateInput, {
      description:
        'The workplace to change and its new values (status LEFT with `leftOn` when it leaves the model); fields left out stay as they are.',
    })
    input: WorkplaceUpdateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<WorkplacePayload> {
    return payload(await mutationResult(() => ctx.service(WorkplaceService).update(input)));
  }

  @FieldResolver(() => OrganisationObject, { description: 'The organisation the workplace belongs to.' })
  organisation(
    @Root() workplace: WorkplaceObject,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): OrganisationObject | Promise<OrganisationObject> {
    return (
      prefetched<OrganisationObject>(workplace, info) ??
      ctx.loaders.organisation.load(workplace.organisationEntityId).then((organisation) => toOrganisationObject(organisation!))
    );
  }

  @FieldResolver(() => RoleAssignmentObject, { nullable: true, description: "The manager's current assignment; null when there is none." })
  manager(
    @Root() workplace: WorkplaceObject,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): RoleAssignmentObject | null | Promise<RoleAssignmentObject | null> {
    const hit = prefetched<RoleAssignmentObject | null>(workplace, info);
    return hit !== undefined ? hit : this.currentHolder(workplace, Role.MANAGER, ctx);
  }

  @FieldResolver(() => RoleAssignmentObject, {
    nullable: true,
    description: "The workplace coordinator's current assignment; null when there is none.",
  })
  coordinator(
    @Root() workplace: WorkplaceObject,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): RoleAssignmentObject | null | Promise<RoleAssignmentObject | null> {
    const hit = prefetched<RoleAssignmentObject | null>(workplace, info);
    return hit !== undefined ? hit : this.currentHolder(workplace, Role.WORKPLACE_COORDINATOR, ctx);
  }

  @FieldResolver(() => [RoleAssignmentObject], { description: 'The competence coordinators supporting the workplace now.' })
  competenceCoordinators(
    @Root() workplace: WorkplaceObject,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): RoleAssignmentObject[] | Promise<RoleAssignmentObject[]> {
    return prefetched<RoleAssignmentObject[]>(workplace, info) ?? this.loadCompetenceCoordinators(workplace, ctx);
  }

  private async loadCompetenceCoordinators(workplace: WorkplaceObject, ctx: RequestContext): Promise<RoleAssignmentObject[]> {
    const assignments = await ctx.loaders
      .activeWorkplaceRoles({ role: Role.COMPETENCE_COORDINATOR, day: ctx.today })
      .load(workplace.entityId);
    return assignments.map((assignment) => toRoleAssignmentObject(assignment, ctx.today));
  }

  private async currentHolder(workplace: WorkplaceObject, role: Role, ctx: RequestContext): Promise<RoleAssignmentObject | null> {
    const [current] = await ctx.loaders.activeWorkplaceRoles({ role, day: ctx.today }).load(workplace.entityId);
    return current ? toRoleAssignmentObject(current, ctx.today) : null;
  }
}

/** `Organisation.workplaces`: the workplaces module owns every query about workplaces. */
@Resolver(() => OrganisationObject)
export class OrganisationWorkplacesResolver {
  @FieldResolver(() => WorkplaceConnection, { description: "The organisation's workplaces." })
  workplaces(
    @Root() organisation: OrganisationObject,
    @Args() args: WorkplaceListArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Connection<WorkplaceObject> | Promise<Connection<WorkplaceObject>> {
    return prefetched<Connection<WorkplaceObject>>(organisation, info) ?? this.loadPage(organisation, args, ctx, info);
  }

  private async loadPage(
    organisation: OrganisationObject,
    args: WorkplaceListArgs,
    ctx: RequestContext,
    info: GraphQLResolveInfo,
  ): Promise<Connection<WorkplaceObject>> {
    const page = toPageRequest(args, args.orderBy ?? new WorkplaceOrderInput(), info);
    const connection = await ctx.loaders.workplacePages({ filter: args.filter ?? {}, page }).load(organisation.entityId);
    return mapConnection(connection, toWorkplaceObject);
  }
}
