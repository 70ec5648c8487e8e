import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { NodeResolver } from '../platform/graphql/node.resolver.js';
import { AuthResolver } from '../modules/auth/auth.resolver.js';
import { AuditEntryResolver } from '../modules/audit/audit-entry.resolver.js';
import { ApiClientResolver } from '../modules/api-client/api-client.resolver.js';
import { StatisticsResolver } from '../modules/statistics/statistics.resolver.js';
import { EventResolver, RegistrationEventResolver } from '../modules/event/event.resolver.js';
import { NetworkMeetingResolver, NetworkMembershipResolver, NetworkResolver, PersonNetworksResolver, RegistrationMeetingResolver } from '../modules/network/network.resolver.js';
import { CalendarFeedResolver, PersonCalendarFeedResolver } from '../modules/calendar/calendar.resolver.js';
import { AttendanceResolver, CohortResolver, PersonTrainingResolver, RegistrationResolver, SeatQuotaResolver, SessionResolver } from '../modules/cohort/cohort.resolver.js';
import { OrganisationResolver } from '../modules/organisation/organisation.resolver.js';
import { PersonResolver } from '../modules/person/person.resolver.js';
import { RoleAssignmentResolver } from '../modules/role-assignment/role-assignment.resolver.js';
import { OrganisationWorkplacesResolver, WorkplaceResolver } from '../modules/workplace/workplace.resolver.js';

let schema: Promise<GraphQLSchema> | undefined;

/** The executable schema; built once per process. */
export function buildApiSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({
    resolvers: [NodeResolver, AuthResolver, AuditEntryResolver, ApiClientResolver, CohortResolver, RegistrationResolver, SessionResolver, AttendanceResolver, SeatQuotaResolver, PersonTrainingResolver, NetworkResolver, NetworkMembershipResolver, NetworkMeetingResolver, PersonNetworksResolver, RegistrationMeetingResolver, EventResolver, RegistrationEventResolver, StatisticsResolver, CalendarFeedResolver, PersonCalendarFeedResolver, OrganisationResolver, WorkplaceResolver, OrganisationWorkplacesResolver, PersonResolver, RoleAssignmentResolver],
    // Inputs are validated in the services, so that failures become typed payload errors.
    validate: false,
  });
  return schema;
}

/** The SDL of the contract, sorted so that its diff shows only real changes. */
export async function printApiSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildApiSchema()))}\n`;
}
