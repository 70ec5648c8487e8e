import { GraphQLError } from 'graphql';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { toOrganisationObject } from '../../modules/organisation/organisation.types.js';
import { toPersonObject } from '../../modules/person/person.types.js';
import { toRoleAssignmentObject } from '../../modules/role-assignment/role-assignment.types.js';
import { toWorkplaceObject } from '../../modules/workplace/workplace.types.js';
import { toAuditEntryObject } from '../../modules/audit/audit-entry.types.js';
import { toApiClientObject } from '../../modules/api-client/api-client.types.js';
import { CohortService } from '../../modules/cohort/cohort.service.js';
import { toCohortObject, toProgrammeObject, toRegistrationObject, toSessionObject } from '../../modules/cohort/cohort.types.js';
import { OfferingSession, Registration } from '../../modules/registration/registration.entities.js';
import { eventObject } from '../../modules/event/event.resolver.js';
import { EventService } from '../../modules/event/event.service.js';
import { NetworkMembership } from '../../modules/network/network.entities.js';
import { NetworkService } from '../../modules/network/network.service.js';
import { networkMeetingObject } from '../../modules/network/network.resolver.js';
import { toNetworkMembershipObject, toNetworkObject } from '../../modules/network/network.types.js';
import { Person } from '../../modules/person/person.entity.js';
import { CalendarFeedService } from '../../modules/calendar/calendar-feed.service.js';
import { toCalendarFeedObject } from '../../modules/calendar/calendar.types.js';
import { fromGlobalId } from './global-id.js';
import { Node } from './node.interface.js';

/** Refetches any object by its global id (Relay object identification). */
async function loadNode(id: string, ctx: RequestContext): Promise<Node | null> {
  const decoded = fromGlobalId(id);
  if (!decoded) return null;
  switch (decoded.type) {
    case 'Organisation': {
      const entity = await ctx.loaders.organisation.load(decoded.id);
      return entity && toOrganisationObject(entity);
    }
    case 'Workplace': {
      const entity = await ctx.loaders.workplace.load(decoded.id);
      return entity && toWorkplaceObject(entity);
    }
    case 'Person': {
      const entity = await ctx.loaders.person.load(decoded.id);
      return entity && toPersonObject(entity);
    }
    case 'RoleAssignment': {
      const entity = await ctx.loaders.roleAssignment.load(decoded.id);
      return entity && toRoleAssignmentObject(entity, ctx.today);
    }
    case 'AuditEntry': {
      const entity = await ctx.loaders.auditEntry.load(decoded.id);
      return entity && toAuditEntryObject(entity);
    }
    case 'ApiClient': {
      const entity = await ctx.loaders.apiClient.load(decoded.id);
      return entity && toApiClientObject(entity);
    }
    case 'Programme': {
      const entity = await ctx.loaders.programme.load(decoded.id);
      return entity && toProgrammeObject(entity);
    }
    case 'Cohort': {
      const cohort = await new CohortService(ctx).find(decoded.id);
      return cohort && toCohortObject(cohort, (await ctx.loaders.offering.load(cohort.offering.id))!);
    }
    case 'Registration': {
      const entity = await ctx.em.getRepository(Registration).findVisible(decoded.id, ctx.access.registrationScope());
      return entity && toRegistrationObject(entity);
    }
    case 'Session': {
      // Sessions are as public as their cohorts.
      const entity = ctx.access.canReadTraining() ? await ctx.em.findOne(OfferingSession, { id: decoded.id }) : null;
      return entity && toSessionObject(entity);
    }
    case 'Network': {
      const entity = await ctx.loaders.network.load(decoded.id);
      return entity && toNetworkObject(entity);
    }
    case 'NetworkMembership': {
      // Visible with the person.
      const people = ctx.em.getRepository(Person);
      const scope = ctx.access.registrationScope();
      const entity = await ctx.em.findOne(NetworkMembership, { id: decoded.id, ...(scope.everything ? {} : { person: people.visibleTo(scope) }) } as never);
      return entity && toNetworkMembershipObject(entity);
    }
    case 'NetworkMeeting': {
      const entity = await new NetworkService(ctx).findMeeting(decoded.id);
      return entity && networkMeetingObject(entity, ctx);
    }
    case 'Event': {
      const entity = await new EventService(ctx).find(decoded.id);
      return entity && eventObject(entity, ctx);
    }
    case 'CalendarFeed': {
      const entity = await new CalendarFeedService(ctx).find(decoded.id);
      return entity && toCalendarFeedObject(entity);
    }
  }
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global id; null when there is none.' })
  node(@Arg('id', () => ID, { description: 'Global id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Node | null> {
    return loadNode(id, ctx);
  }

  @Query(() => [Node], { nullable: 'items', description: 'Objects by their global ids, in the same order; null where there is none.' })
  async nodes(@Arg('ids', () => [ID], { description: 'Global ids (at most 100).' }) ids: string[], @Ctx() ctx: RequestContext): Promise<(Node | null)[]> {
    if (ids.length > 100) throw new GraphQLError('`ids` may hold at most 100 ids.', { extensions: { code: 'BAD_USER_INPUT', argumentName: 'ids' } });
    return Promise.all(ids.map((id) => loadNode(id, ctx)));
  }
}
