import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../platform/logger.js';
import { hashPassword } from '../modules/auth/secrets.js';
import type { SeedDirectory } from './demo-data.js';

/** The password of every demo account; demo accounts never sign in in production. */
export const DEMO_PASSWORD = 'evikomp-demo';

const CHUNK = 1000;

/** Writes a generated directory in one transaction, in bulk (used for the demo data and the benchmark data). */
export async function insertDirectory(orm: MikroORM, directory: SeedDirectory): Promise<void> {
  const knex = orm.em.getKnex();
  await knex.transaction(async (trx) => {
    const insert = async (table: string, rows: object[]) => {
      for (let start = 0; start < rows.length; start += CHUNK) await trx(table).insert(rows.slice(start, start + CHUNK));
    };
    await insert(
      'organisation',
      directory.organisations.map((o) => ({
        id: o.id,
        name: o.name,
        kind: o.kind,
        organisation_number: o.organisationNumber,
        is_principal: o.isPrincipal,
      })),
    );
    await insert(
      'organisation_population',
      directory.organisations.flatMap((o) => o.populations.map((p) => ({ organisation_id: o.id, year: p.year, population: p.population }))),
    );
    await insert(
      'workplace',
      directory.workplaces.map((w) => ({
        id: w.id,
        organisation_id: w.organisationId,
        name: w.name,
        type: w.type,
        street_address: w.streetAddress,
        postal_code: w.postalCode,
        city: w.city,
        employee_count: w.employeeCount,
        joined_on: w.joinedOn,
        status: w.status,
        left_on: w.leftOn,
      })),
    );
    await insert(
      'person',
      directory.people.map((p) => ({
        id: p.id,
        first_name: p.firstName,
        last_name: p.lastName,
        email: p.email,
        phone: p.phone,
        home_organisation_id: p.homeOrganisationId,
      })),
    );
    await insert(
      'role_assignment',
      directory.roleAssignments.map((r) => ({
        id: r.id,
        person_id: r.personId,
        role: r.role,
        workplace_id: r.workplaceId,
        organisation_id: r.organisationId,
        starts_on: r.startsOn,
        ends_on: r.endsOn,
      })),
    );
  });
  // Fresh statistics so the planner picks the indexes right away.
  await knex.raw('analyze');
}

/**
 * Who gets a demo sign-in: the administrator, the competence coordinators, the organisation admins, and
 * the manager and workplace coordinator of the first workplace of each member that has both.
 */
export function demoAccountHolders(directory: SeedDirectory): string[] {
  const current = directory.roleAssignments.filter((assignment) => assignment.endsOn === null);
  const holders = new Set(
    current.filter((a) => ['ADMINISTRATOR', 'COMPETENCE_COORDINATOR', 'ORGANISATION_ADMIN'].includes(a.role)).map((a) => a.personId),
  );
  for (const organisation of directory.organisations) {
    for (const workplace of directory.workplaces.filter((w) => w.organisationId === organisation.id && w.status === 'ACTIVE')) {
      const manager = current.find((a) => a.workplaceId === workplace.id && a.role === 'MANAGER');
      const coordinator = current.find((a) => a.workplaceId === workplace.id && a.role === 'WORKPLACE_COORDINATOR');
      if (manager && coordinator) {
        holders.add(manager.personId).add(coordinator.personId);
        break;
      }
    }
  }
  return [...holders];
}

/** Loads the Östergötland demo dataset when there are no organisations yet; a restart never seeds again. */
export async function seedDemoDataIfEmpty(orm: MikroORM, logger: Logger, options: { production: boolean }): Promise<boolean> {
  const knex = orm.em.getKnex();
  const existing = await knex('organisation').count<{ count: string }[]>({ count: '*' });
  if (Number(existing[0]?.count ?? 0) > 0) return false;
  const { generateOstergotlandDirectory } = await import('./demo-data.js');
  const directory = generateOstergotlandDirectory();
  await insertDirectory(orm, directory);
  const { seedDemoTraining } = await import('./demo-training.js');
  await seedDemoTraining(orm, directory);
  const { seedDemoActivity } = await import('./demo-activity.js');
  await seedDemoActivity(orm, directory);
  const { seedDemoAgreements } = await import('./demo-agreements.js');
  await seedDemoAgreements(orm, directory);
  const { seedDemoStaff } = await import('./demo-staff.js');
  await seedDemoStaff(orm, directory);
  const { seedDemoCatalogue } = await import('./demo-catalogue.js');
  await seedDemoCatalogue(orm, directory);
  const { seedDemoLearningSessions } = await import('./demo-learning-sessions.js');
  await seedDemoLearningSessions(orm, directory);
  if (!options.production) {
    // One hash for all: they share the published password anyway.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const accounts = demoAccountHolders(directory).map((personId) => ({ person_id: personId, password_hash: passwordHash, demo: true }));
    await knex('account').insert(accounts);
    logger.info({ accounts: accounts.length }, `demo accounts created (password "${DEMO_PASSWORD}", not usable in production)`);
  }
  logger.info(
    { organisations: directory.organisations.length, workplaces: directory.workplaces.length, people: directory.people.length },
    'loaded the Östergötland demo dataset',
  );
  return true;
}
