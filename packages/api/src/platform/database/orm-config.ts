import { DataloaderType, defineConfig, PostgreSqlDriver, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ApiClient } from '../../modules/api-client/api-client.entity.js';
import { CalendarFeed } from '../../modules/calendar/calendar-feed.entity.js';
import { Cohort, Programme } from '../../modules/cohort/cohort.entities.js';
import { Event } from '../../modules/event/event.entity.js';
import { Network, NetworkMeeting, NetworkMembership } from '../../modules/network/network.entities.js';
import { Attendance, Offering, OfferingQuota, OfferingSession, Registration } from '../../modules/registration/registration.entities.js';
import { AuditEntry } from '../../modules/audit/audit-entry.entity.js';
import { Notification } from '../../modules/notification/notification.entity.js';
import { Account, PasswordReset, Session } from '../../modules/auth/auth.entities.js';
import { Organisation, OrganisationPopulation } from '../../modules/organisation/organisation.entity.js';
import { Person } from '../../modules/person/person.entity.js';
import { RoleAssignment } from '../../modules/role-assignment/role-assignment.entity.js';
import { Workplace } from '../../modules/workplace/workplace.entity.js';
import type { Logger } from '../logger.js';
import { migrationsList } from '../../migrations/index.js';
import { recordQuery } from './query-counter.js';

export const entities = [Organisation, OrganisationPopulation, Workplace, Person, RoleAssignment, Account, Session, PasswordReset, AuditEntry, ApiClient, Offering, OfferingQuota, OfferingSession, Registration, Attendance, Programme, Cohort, Notification, Network, NetworkMembership, NetworkMeeting, Event, CalendarFeed];

export function ormConfig(options: { clientUrl: string; logger?: Logger; poolMax?: number }): Options {
  return defineConfig({
    driver: PostgreSqlDriver,
    clientUrl: options.clientUrl,
    entities,
    extensions: [Migrator],
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false },
    // Batches Reference.load() and Collection.load() across a request: no N+1 through relations.
    dataloader: DataloaderType.ALL,
    forceUtcTimezone: true,
    allowGlobalContext: false,
    pool: { min: 0, max: options.poolMax ?? 20 },
    // Every statement passes the logger: that is where they are counted (and logged at debug level).
    debug: ['query'],
    logger: (message) => {
      recordQuery();
      options.logger?.trace({ sql: message }, 'sql');
    },
    dynamicImportProvider: (id) => import(id),
  });
}
