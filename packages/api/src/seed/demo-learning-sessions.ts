import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { demoAccountHolders } from './seed-database.js';
import type { SeedDirectory } from './demo-data.js';

/** The months of demo learning sessions: all but the last attested, the last half confirmed (so reminders have work). */
export const DEMO_LEARNING_MONTHS = ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11'] as const;
/** How many workplaces hold demo learning sessions: those whose manager has a demo account, then others. */
const DEMO_LEARNING_WORKPLACES = 30;
export const DEMO_FUNDER_REFERENCE = 'ESF-2026-0042';
const TYPES = ['REFLECTION', 'TEACHER_LED', 'WEB_BASED', 'REFLECTION', 'OTHER'] as const;
/** An address from the documentation range (RFC 5737): demo evidence, not a real client. */
const DEMO_ADDRESS = '192.0.2.10';

/**
 * A few months of learning sessions at some workplaces, with their staff as participants: two sessions a month,
 * the older months confirmed and attested (one session a month from a paper list), the last month partly
 * confirmed. Deterministic and written in bulk; the dashboard and the attestation pages have figures at once.
 */
export async function seedDemoLearningSessions(orm: MikroORM, directory: SeedDirectory): Promise<void> {
  const holders = new Set(demoAccountHolders(directory));
  const managers = directory.roleAssignments.filter((a) => a.role === 'MANAGER' && a.endsOn === null && a.workplaceId);
  const managerOf = new Map<string, string>();
  for (const assignment of [...managers].sort((a, b) => Number(holders.has(b.personId)) - Number(holders.has(a.personId))))
    if (!managerOf.has(assignment.workplaceId!)) managerOf.set(assignment.workplaceId!, assignment.personId);
  const workplaces = directory.workplaces
    .filter((workplace) => workplace.status === 'ACTIVE' && managerOf.has(workplace.id))
    .sort((a, b) => Number(holders.has(managerOf.get(b.id)!)) - Number(holders.has(managerOf.get(a.id)!)))
    .slice(0, DEMO_LEARNING_WORKPLACES);
  if (workplaces.length === 0) return;
  const knex = orm.em.getKnex();
  const staff: { person_id: string; workplace_id: string }[] = await knex('employment')
    .select('person_id', 'workplace_id')
    .whereIn(
      'workplace_id',
      workplaces.map((workplace) => workplace.id),
    )
    .whereNull('ends_on')
    .orderBy(['workplace_id', 'person_id']);
  const staffOf = new Map<string, string[]>();
  for (const row of staff) staffOf.set(row.workplace_id, [...(staffOf.get(row.workplace_id) ?? []), row.person_id]);

  const sessions: Record<string, unknown>[] = [];
  const hours: Record<string, unknown>[] = [];
  const steps: Record<string, unknown>[] = [];
  workplaces.forEach((workplace, workplaceIndex) => {
    const manager = managerOf.get(workplace.id)!;
    const participants = staffOf.get(workplace.id) ?? [];
    DEMO_LEARNING_MONTHS.forEach((month, monthIndex) => {
      const last = monthIndex === DEMO_LEARNING_MONTHS.length - 1;
      const monthSteps = new Map<string, { confirmation: string | null; attestation: string | null; minutes: number }>();
      for (const [position, day] of [8 + (workplaceIndex % 10), 20 + (workplaceIndex % 7)].entries()) {
        const sessionId = randomUUID();
        const paper = !last && position === 1 && workplaceIndex % 3 === 0;
        const startsAt = position === 0 ? '09:00' : '13:30';
        const endsAt = position === 0 ? '10:30' : '14:30';
        const minutes = position === 0 ? 90 : 60;
        const heldOn = `${month}-${String(day).padStart(2, '0')}`;
        sessions.push({
          id: sessionId,
          workplace_id: workplace.id,
          organisation_id: workplace.organisationId,
          held_on: heldOn,
          starts_at: startsAt,
          ends_at: endsAt,
          type: TYPES[(workplaceIndex + monthIndex + position) % TYPES.length],
          teacher_needed: position === 0 && workplaceIndex % 2 === 0,
          funder_reference: workplaceIndex % 2 === 0 ? DEMO_FUNDER_REFERENCE : null,
          registered_by_person_id: manager,
          registered_at: new Date(`${heldOn}T16:00:00Z`),
          paper_list_signed_by_person_id: paper ? manager : null,
        });
        for (const personId of participants) {
          const row = {
            id: randomUUID(),
            session_id: sessionId,
            person_id: personId,
            workplace_id: workplace.id,
            held_on: heldOn,
            month,
            minutes,
          };
          if (paper) {
            const common = { participant_person_id: personId, workplace_id: workplace.id, month, minutes, method: 'PAPER_LIST' };
            const at = {
              signed_at: new Date(`${heldOn}T16:00:00Z`),
              ip_address: DEMO_ADDRESS,
              recorded_by_person_id: manager,
              session_id: sessionId,
            };
            const confirmation = { id: randomUUID(), step: 'CONFIRMED', signed_by_person_id: personId, ...common, ...at };
            const attestation = { id: randomUUID(), step: 'ATTESTED', signed_by_person_id: manager, ...common, ...at };
            steps.push(confirmation, attestation);
            hours.push({ ...row, confirmation_id: confirmation.id, attestation_id: attestation.id });
          } else {
            hours.push(row);
            const pending = monthSteps.get(personId) ?? { confirmation: null, attestation: null, minutes: 0 };
            pending.minutes += minutes;
            monthSteps.set(personId, pending);
          }
        }
      }
      // The month's steps in the system: everyone's for the older months, every other participant's for the last.
      const signedOn = `${DEMO_LEARNING_MONTHS[monthIndex + 1] ?? '2026-12'}-03`;
      [...monthSteps.entries()].forEach(([personId, pending], position) => {
        if (last && position % 2 === 1) return;
        const base = {
          participant_person_id: personId,
          workplace_id: workplace.id,
          month,
          minutes: pending.minutes,
          ip_address: DEMO_ADDRESS,
        };
        const confirmation = {
          id: randomUUID(),
          step: 'CONFIRMED',
          signed_by_person_id: personId,
          method: 'PASSWORD',
          signed_at: new Date(`${signedOn}T08:00:00Z`),
          ...base,
        };
        steps.push(confirmation);
        pending.confirmation = confirmation.id;
        if (!last) {
          const attestation = {
            id: randomUUID(),
            step: 'ATTESTED',
            signed_by_person_id: manager,
            method: 'PASSWORD_TOTP',
            signed_at: new Date(`${signedOn}T12:00:00Z`),
            ...base,
          };
          steps.push(attestation);
          pending.attestation = attestation.id;
        }
      });
      for (const row of hours) {
        if (row.month !== month || row.workplace_id !== workplace.id || row.confirmation_id) continue;
        const pending = monthSteps.get(row.person_id as string);
        if (pending?.confirmation) Object.assign(row, { confirmation_id: pending.confirmation, attestation_id: pending.attestation });
      }
    });
  });
  await knex.transaction(async (trx) => {
    for (let start = 0; start < sessions.length; start += 1000) await trx('learning_session').insert(sessions.slice(start, start + 1000));
    for (let start = 0; start < steps.length; start += 1000) await trx('learning_attestation').insert(steps.slice(start, start + 1000));
    for (let start = 0; start < hours.length; start += 1000) await trx('learning_hours').insert(hours.slice(start, start + 1000));
  });
}
