import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123000000_directory } from './Migration20261123000000_directory.js';
import { Migration20261123010000_swedish_collation } from './Migration20261123010000_swedish_collation.js';
import { Migration20261123020000_search_case_folding } from './Migration20261123020000_search_case_folding.js';
import { Migration20261123030000_sign_in } from './Migration20261123030000_sign_in.js';
import { Migration20261123040000_role_overlap } from './Migration20261123040000_role_overlap.js';
import { Migration20261123050000_millisecond_timestamps } from './Migration20261123050000_millisecond_timestamps.js';
import { Migration20261123060000_audit_trail } from './Migration20261123060000_audit_trail.js';
import { Migration20261123070000_api_clients } from './Migration20261123070000_api_clients.js';
import { Migration20261123080000_person_erasure } from './Migration20261123080000_person_erasure.js';
import { Migration20261123090000_name_search } from './Migration20261123090000_name_search.js';
import { Migration20261123100000_registration_engine } from './Migration20261123100000_registration_engine.js';
import { Migration20261126000000_notifications } from './Migration20261126000000_notifications.js';
import { Migration20261126010000_sessions_offers_quotas } from './Migration20261126010000_sessions_offers_quotas.js';
import { Migration20261126020000_calendar_feeds } from './Migration20261126020000_calendar_feeds.js';
import { Migration20261126030000_approvals_reminders } from './Migration20261126030000_approvals_reminders.js';
import { Migration20261126040000_networks_events } from './Migration20261126040000_networks_events.js';
import { Migration20261126050000_network_calendar_feeds } from './Migration20261126050000_network_calendar_feeds.js';
import { Migration20261126060000_registration_indexes } from './Migration20261126060000_registration_indexes.js';
import { Migration20261126070000_session_start_index } from './Migration20261126070000_session_start_index.js';

/** Every migration, oldest first. Listed explicitly so built and test runs find the same set. */
/** Migrations written before modules declared their own (new ones live in their module's `migrations/`). */
export const baselineMigrations: MigrationObject[] = [
  { name: 'Migration20261123000000_directory', class: Migration20261123000000_directory },
  { name: 'Migration20261123010000_swedish_collation', class: Migration20261123010000_swedish_collation },
  { name: 'Migration20261123020000_search_case_folding', class: Migration20261123020000_search_case_folding },
  { name: 'Migration20261123030000_sign_in', class: Migration20261123030000_sign_in },
  { name: 'Migration20261123040000_role_overlap', class: Migration20261123040000_role_overlap },
  { name: 'Migration20261123050000_millisecond_timestamps', class: Migration20261123050000_millisecond_timestamps },
  { name: 'Migration20261123060000_audit_trail', class: Migration20261123060000_audit_trail },
  { name: 'Migration20261123070000_api_clients', class: Migration20261123070000_api_clients },
  { name: 'Migration20261123080000_person_erasure', class: Migration20261123080000_person_erasure },
  { name: 'Migration20261123090000_name_search', class: Migration20261123090000_name_search },
  { name: 'Migration20261123100000_registration_engine', class: Migration20261123100000_registration_engine },
  { name: 'Migration20261126000000_notifications', class: Migration20261126000000_notifications },
  { name: 'Migration20261126010000_sessions_offers_quotas', class: Migration20261126010000_sessions_offers_quotas },
  { name: 'Migration20261126020000_calendar_feeds', class: Migration20261126020000_calendar_feeds },
  { name: 'Migration20261126030000_approvals_reminders', class: Migration20261126030000_approvals_reminders },
  { name: 'Migration20261126040000_networks_events', class: Migration20261126040000_networks_events },
  { name: 'Migration20261126050000_network_calendar_feeds', class: Migration20261126050000_network_calendar_feeds },
  { name: 'Migration20261126060000_registration_indexes', class: Migration20261126060000_registration_indexes },
  { name: 'Migration20261126070000_session_start_index', class: Migration20261126070000_session_start_index },
];
