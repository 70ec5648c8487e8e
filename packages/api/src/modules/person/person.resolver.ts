import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context.js';
import { mutationResult, type MutationOutcome } from '../../platform/errors/mutation-payload.js';
import { fromGlobalId } from '../../platform/graphql/global-id.js';
import { mapConnection, type Connection } from '../../platform/pagination/connection.js';
import { ConnectionArgs, toPageRequest } from '../../platform/pagination/connection-args.js';
import { prefetched } from '../../platform/read-compiler/prefetched.js';
import { OrganisationObject, toOrganisationObject } from '../organisation/organisation.types.js';
import { RoleAssignmentObject, toRoleAssignmentObject } from '../role-assignment/role-assignment.types.js';
import type { Person } from './person.entity.js';
import { PersonCreateInput, PersonFilterInput, PersonOrderInput, PersonUpdateInput } from './person.inputs.js';
import { PersonService } from './person.service.js';
import { PersonConnection, PersonObject, PersonPayload, toPersonObject } from './person.types.js';
import { PersonPolicy } from './person.policy.js';

@ArgsType()
class PersonListArgs extends ConnectionArgs {
  @Field(() => PersonFilterInput, { nullable: true, description: 'Which people.' })
  filter?: PersonFilterInput | null;

  @Field(() => PersonOrderInput, { nullable: true, description: 'Order of the people (default: by last name).' })
  orderBy?: PersonOrderInput | null;
}

function payload(outcome: MutationOutcome<Person>): PersonPayload {
  return Object.assign(new PersonPayload(), { person: outcome.result ? toPersonObject(outcome.result) : null, errors: outcome.errors });
}

@Resolver(() => PersonObject)
export class PersonResolver {
  @Query(() => PersonConnection, { description: 'People the caller may see, filtered and in pages.' })
  async people(
    @Args() args: PersonListArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<PersonObject>> {
    const compiled = await ctx.loaders.compiledReads.read(info, args as unknown as Record<string, unknown>);
    if (compiled) return compiled.value as Connection<PersonObject>;
    const page = toPageRequest(args, args.orderBy ?? new PersonOrderInput(), info);
    return mapConnection(await ctx.service(PersonService).list(args.filter ?? undefined, page), toPersonObject);
  }

  @Query(() => PersonObject, { nullable: true, description: 'One person by id; null when there is none.' })
  async person(
    @Arg('id', () => ID, { description: 'Global id of the person.' }) id: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PersonObject | null> {
    const compiled = await ctx.loaders.compiledReads.read(info, { id });
    if (compiled) return compiled.value as PersonObject | null;
    const decoded = fromGlobalId(id, 'Person');
    const entity = decoded ? await ctx.loaders.person.load(decoded.id) : null;
    return entity ? toPersonObject(entity) : null;
  }

  @Mutation(() => PersonPayload, { description: 'Registers a person.' })
  async personCreate(
    @Arg('input', () => PersonCreateInput, {
      description: 'The new person: names, e-mail address, phone number, home organisation and e-mail language.',
    })
    input: PersonCreateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PersonPayload> {
    return payload(await mutationResult(() => ctx.service(PersonService).create(input)));
  }

  @Mutation(() => PersonPayload, { description: 'Changes a person.' })
  async personUpdate(
    @Arg('input', () => PersonUpdateInput, {
      description:
        'The person to change and their new names, contact details, home organisation or e-mail language; fields left out stay as they are.',
    })
    input: PersonUpdateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PersonPayload> {
    return payload(await mutationResult(() => ctx.service(PersonService).update(input)));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'E-mail address; null unless you may contact the person (yourself, their administrators, managers and competence coordinators at their workplaces).',
  })
  email(
    @Root() person: PersonObject,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): string | null | Promise<string | null> {
    const hit = prefetched<string | null>(person, info);
    if (hit !== undefined) return hit;
    return this.contactDetail(person, ctx, person.contactEmail);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Phone number; null when there is none or you may not see it (as `email`).' })
  phone(
    @Root() person: PersonObject,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): string | null | Promise<string | null> {
    const hit = prefetched<string | null>(person, info);
    if (hit !== undefined) return hit;
    return this.contactDetail(person, ctx, person.contactPhone);
  }

  private async contactDetail(person: PersonObject, ctx: RequestContext, value: string | null): Promise<string | null> {
    return (await this.mayContact(person, ctx)) ? value : null;
  }

  private mayContact(person: PersonObject, ctx: RequestContext): boolean | Promise<boolean> {
    return PersonPolicy.of(ctx.access).contactScope().everything || ctx.loaders.contactDetailsVisible.load(person.entityId);
  }

  @FieldResolver(() => OrganisationObject, { description: 'The organisation the person works for.' })
  homeOrganisation(
    @Root() person: PersonObject,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): OrganisationObject | Promise<OrganisationObject> {
    return prefetched<OrganisationObject>(person, info) ?? this.loadHomeOrganisation(person, ctx);
  }

  private async loadHomeOrganisation(person: PersonObject, ctx: RequestContext): Promise<OrganisationObject> {
    return toOrganisationObject((await ctx.loaders.organisation.load(person.homeOrganisationEntityId))!);
  }

  @FieldResolver(() => [RoleAssignmentObject], { description: "The person's roles, newest first." })
  async roles(
    @Root() person: PersonObject,
    @Ctx() ctx: RequestContext,
    @Arg('includeEnded', () => Boolean, { defaultValue: false, description: 'Also the ended and future ones (the whole history).' })
    includeEnded: boolean,
  ): Promise<RoleAssignmentObject[]> {
    const assignments = await ctx.loaders.personRoles({ activeOn: includeEnded ? null : ctx.today }).load(person.entityId);
    return assignments.map((assignment) => toRoleAssignmentObject(assignment, ctx.today));
  }
}
