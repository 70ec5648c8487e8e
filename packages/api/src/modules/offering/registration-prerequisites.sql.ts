import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessPolicy } from '../../platform/access/access-policy.js';
import { recordQuery } from '../../platform/database/query-counter.js';
import { SqlWriter } from '../../platform/read-compiler/read-compiler.js';
import type { Language } from '../person/person.enums.js';
import { personFactsJsonSql, personNameSql } from '../person/person.read-sql.js';
import { rolesHeldJsonSql } from '../role-assignment/role-holders.sql.js';
import { ENDED, OfferingStatus } from './offering.enums.js';
import { OFFERING_OWNERS, programmeNameSql, type OfferingOwnerRef } from './offering.repository.js';
import { OfferingPolicy } from './offering.policy.js';
import type { HeldRole } from './registration-engine.js';
import type { OfferingMessageFacts, SessionFacts } from './registration-notices.js';
import { offeringNameSql } from './registration.repository.js';

/** Everything a new registration reads before its offering's row is locked, as plain values (no entities). */
export interface RegistrationPrerequisites {
  offering: {
    id: string;
    status: OfferingStatus;
    requiresApproval: boolean;
    audienceRoles: string[];
    audienceOrganisationIds: string[];
  };
  /** What its messages tell of the offering. */
  details: NonNullable<OfferingMessageFacts>;
  /** The person, when the caller's registration scope covers them; null otherwise (or no such person). */
  person: { id: string; homeOrganisationId: string; email: string; language: Language; erased: boolean } | null;
  /** Whether the person already holds an active registration (not cancelled, lapsed or rejected) in the offering. */
  registered: boolean;
  /** The person's roles today; null when not read (`withRoles` false). */
  rolesToday: HeldRole[] | null;
  /** The full name of whoever registers, when that is someone else than the person; else null. */
  registrarName: string | null;
}

interface Row {
  id: string;
  status: OfferingStatus;
  requires_approval: boolean;
  audience_roles: string[];
  audience_organisation_ids: string[];
  name: string;
  programme_name: string | null;
  sessions: (Omit<SessionFacts, 'startsAt' | 'endsAt' | 'updatedAt'> & { startsAt: string; endsAt: string; updatedAt: string })[];
  person: RegistrationPrerequisites['person'];
  registered: boolean;
  roles: HeldRole[] | null;
  registrar_name: string | null;
}

/**
 * A registration's reads before the lock in ONE statement, built of the modules' SQL pieces: the offering of a
 * cohort, meeting or event (by the owner's row id: no row, no such owner) with the fields the rules read, the
 * texts its messages need (name, programme, sessions in time order, as `OfferingRepository.messageDetails`), the
 * person as the caller's registration scope covers them (`findVisible`), whether they are registered already
 * (`RegistrationRepository.findActive`), their roles today (`withRoles`, for the audience and acting-for rules of
 * callers who are not administrators) and the registrar's name. Read on a pooled connection outside any
 * transaction, as the general path reads them before the lock (read committed: each read sees what is committed).
 */
export async function readRegistrationPrerequisites(
  em: EntityManager,
  access: AccessPolicy,
  today: string,
  owner: OfferingOwnerRef,
  personId: string,
  withRoles: boolean,
): Promise<RegistrationPrerequisites | null> {
  const sql = new SqlWriter(access, today);
  const person = sql.bind(personId);
  const registrar = access.personId && access.personId !== personId ? access.personId : null;
  const statement = sql.finish(`select o.id, o.status, o.requires_approval,
         to_json(o.audience_roles) as audience_roles, to_json(o.audience_organisation_ids) as audience_organisation_ids,
         ${offeringNameSql('o.id')} as name,
         ${programmeNameSql('o.id')} as programme_name,
         (select coalesce(json_agg(json_build_object('id', s.id, 'title', s.title, 'startsAt', s.starts_at, 'endsAt', s.ends_at,
                   'venue', s.venue, 'onlineUrl', s.online_url, 'residential', s.residential, 'sequence', s.sequence,
                   'updatedAt', s.updated_at) order by s.starts_at, s.id), '[]'::json)
            from offering_session s where s.offering_id = o.id) as sessions,
         ${personFactsJsonSql(person, OfferingPolicy.of(access).registrationScope(), sql)} as person,
         exists (select 1 from registration r where r.offering_id = o.id and r.person_id = ${sql.bind(personId)}
                   and r.status not in (${ENDED.map((status) => sql.bind(status)).join(', ')})) as registered,
         ${withRoles ? rolesHeldJsonSql(sql.bind(personId), today, sql) : 'null'} as roles,
         ${registrar ? personNameSql(sql.bind(registrar), sql) : 'null'} as registrar_name
    from ${OFFERING_OWNERS[owner.type]} owner join offering o on o.id = owner.offering_id
   where owner.id = ${sql.bind(owner.id)}`);
  recordQuery();
  const result = (await em.getKnex().raw(statement.sql, statement.values as never[])) as unknown as { rows: Row[] };
  const row = result.rows[0];
  if (!row) return null;
  return {
    offering: {
      id: row.id,
      status: row.status,
      requiresApproval: row.requires_approval,
      audienceRoles: row.audience_roles,
      audienceOrganisationIds: row.audience_organisation_ids,
    },
    details: {
      name: row.name,
      programmeName: row.programme_name,
      sessions: row.sessions.map((session) => ({
        ...session,
        startsAt: new Date(session.startsAt),
        endsAt: new Date(session.endsAt),
        updatedAt: new Date(session.updatedAt),
      })),
    },
    person: row.person,
    registered: row.registered,
    rolesToday: row.roles,
    registrarName: row.registrar_name,
  };
}
