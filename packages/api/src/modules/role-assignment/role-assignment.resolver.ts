import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context.js';
import { mutationResult, type MutationOutcome } from '../../platform/errors/mutation-payload.js';
import { fromGlobalId } from '../../platform/graphql/global-id.js';
import { mapConnection, type Connection } from '../../platform/pagination/connection.js';
import { ConnectionArgs, toPageRequest } from '../../platform/pagination/connection-args.js';
import { prefetched } from '../../platform/read-compiler/prefetched.js';
import { OrganisationObject, toOrganisationObject } from '../organisation/organisation.types.js';
import { PersonObject, toPersonObject } from '../person/person.types.js';
import { toWorkplaceObject, WorkplaceObject } from '../workplace/workplace.types.js';
import type { RoleAssignment } from './role-assignment.entity.js';
import {
  RoleAssignmentCreateInput,
  RoleAssignmentEndInput,
  RoleAssignmentFilterInput,
  RoleAssignmentMoveInput,
  RoleAssignmentOrderInput,
} from './role-assignment.inputs.js';
import { RoleAssignmentService } from './role-assignment.service.js';
import { RoleAssignmentConnection, RoleAssignmentObject, RoleAssignmentPayload, toRoleAssignmentObject } from './role-assignment.types.js';

@ArgsType()
class RoleAssignmentListArgs extends ConnectionArgs {
  @Field(() => RoleAssignmentFilterInput, { nullable: true, description: 'Which assignments.' })
  filter?: RoleAssignmentFilterInput | null;

  @Field(() => RoleAssignmentOrderInput, { nullable: true, description: 'Order of the role assignments (default: newest start first).' })
  orderBy?: RoleAssignmentOrderInput | null;
}

function payload(outcome: MutationOutcome<RoleAssignment>, today: string): RoleAssignmentPayload {
  return Object.assign(new RoleAssignmentPayload(), {
    roleAssignment: outcome.result ? toRoleAssignmentObject(outcome.result, today) : null,
    errors: outcome.errors,
  });
}

@Resolver(() => RoleAssignmentObject)
export class RoleAssignmentResolver {
  @Query(() => RoleAssignmentConnection, { description: 'Role assignments, current and past.' })
  async roleAssignments(@Args() args: RoleAssignmentListArgs, @Ctx() ctx: RequestContext): Promise<Connection<RoleAssignmentObject>> {
    const page = toPageRequest(args, args.orderBy ?? new RoleAssignmentOrderInput());
    return mapConnection(await ctx.service(RoleAssignmentService).list(args.filter ?? undefined, page), (assignment) =>
      toRoleAssignmentObject(assignment, ctx.today),
    );
  }

  @Query(() => RoleAssignmentObject, { nullable: true, description: 'One role assignment by id; null when there is none.' })
  async roleAssignment(
    @Arg('id', () => ID, { description: 'Global id of the role assignment.' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<RoleAssignmentObject | null> {
    const decoded = fromGlobalId(id, 'RoleAssignment');
    const entity = decoded ? await ctx.loaders.roleAssignment.load(decoded.id) : null;
    return entity ? toRoleAssignmentObject(entity, ctx.today) : null;
  }

  @Mutation(() => RoleAssignmentPayload, {
    description: "Gives a person a role; a workplace's current manager or coordinator is replaced.",
  })
  async roleAssignmentCreate(
    @Arg('input', () => RoleAssignmentCreateInput, {
      description: 'The person, the role, its scope (a workplace or an organisation, as the role requires) and the first day it is held.',
    })
    input: RoleAssignmentCreateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RoleAssignmentPayload> {
    return payload(await mutationResult(() => ctx.service(RoleAssignmentService).create(input)), ctx.today);
  }

  @Mutation(() => RoleAssignmentPayload, { description: 'Ends a role assignment (kept as history).' })
  async roleAssignmentEnd(
    @Arg('input', () => RoleAssignmentEndInput, { description: 'The role assignment to end and the first day the role is no longer held.' })
    input: RoleAssignmentEndInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RoleAssignmentPayload> {
    return payload(await mutationResult(() => ctx.service(RoleAssignmentService).end(input)), ctx.today);
  }

  @Mutation(() => RoleAssignmentPayload, {
    description: 'Moves a workplace role, e.g. a manager, to another workplace; returns the new assignment.',
  })
  async roleAssignmentMove(
    @Arg('input', () => RoleAssignmentMoveInput, {
      description: 'The role assignment to move, the workplace it moves to and the day of the move.',
    })
    input: RoleAssignmentMoveInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RoleAssignmentPayload> {
    return payload(await mutationResult(() => ctx.service(RoleAssignmentService).move(input)), ctx.today);
  }

  @FieldResolver(() => PersonObject, { description: 'Who holds the role.' })
  person(
    @Root() assignment: RoleAssignmentObject,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): PersonObject | Promise<PersonObject> {
    return (
      prefetched<PersonObject>(assignment, info) ??
      ctx.loaders.person.load(assignment.personEntityId).then((person) => toPersonObject(person!))
    );
  }

  @FieldResolver(() => WorkplaceObject, { nullable: true, description: 'The workplace, for workplace roles.' })
  workplace(
    @Root() assignment: RoleAssignmentObject,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): WorkplaceObject | null | Promise<WorkplaceObject | null> {
    const hit = prefetched<WorkplaceObject | null>(assignment, info);
    return hit !== undefined ? hit : this.loadWorkplace(assignment, ctx);
  }

  private async loadWorkplace(assignment: RoleAssignmentObject, ctx: RequestContext): Promise<WorkplaceObject | null> {
    if (!assignment.workplaceEntityId) return null;
    const workplace = await ctx.loaders.workplace.load(assignment.workplaceEntityId);
    return workplace ? toWorkplaceObject(workplace) : null;
  }

  @FieldResolver(() => OrganisationObject, { nullable: true, description: 'The organisation, for ORGANISATION_ADMIN.' })
  organisation(
    @Root() assignment: RoleAssignmentObject,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): OrganisationObject | null | Promise<OrganisationObject | null> {
    const hit = prefetched<OrganisationObject | null>(assignment, info);
    return hit !== undefined ? hit : this.loadOrganisation(assignment, ctx);
  }

  private async loadOrganisation(assignment: RoleAssignmentObject, ctx: RequestContext): Promise<OrganisationObject | null> {
    if (!assignment.organisationEntityId) return null;
    const organisation = await ctx.loaders.organisation.load(assignment.organisationEntityId);
    return organisation ? toOrganisationObject(organisation) : null;
  }
}
