import type { ServiceContext } from '../../platform/context.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { StatisticsPolicy } from './statistics.policy.js';
import { StatisticsRepository } from './statistics.repository.js';

export interface OrganisationTrainingFigures {
  organisation: Organisation;
  year: number;
  peopleRegistered: number;
  peopleCompleted: number;
  peopleWaitlisted: number;
  networkMembers: number;
  meetingRegistrations: number;
  meetingAttendances: number;
}

/**
 * Figures per member organisation and calendar year (in Sweden) for the dashboard. A place counts for
 * the organisation the person belonged to when registering or joining. All organisations in one
 * statement, whatever their number.
 */
export class StatisticsService {
  constructor(private readonly ctx: ServiceContext) {}

  /** The organisations the caller may see figures of: administrators all, organisation admins theirs, API clients by scope. */
  visibleOrganisationIds(): string[] | 'all' {
    return StatisticsPolicy.of(this.ctx.access).trainingStatisticsOrganisationIds();
  }

  async figures(year: number, organisationId: string | null): Promise<OrganisationTrainingFigures[]> {
    const visible = this.visibleOrganisationIds();
    const wanted = organisationId ? (visible === 'all' || visible.includes(organisationId) ? [organisationId] : []) : visible;
    if (wanted !== 'all' && wanted.length === 0) return [];
    const organisations = await this.ctx.em.getRepository(Organisation).findAllOrByIdsByName(wanted);
    if (organisations.length === 0) return [];
    const from = `${year}-01-01`;
    const to = `${year + 1}-01-01`;
    // Year boundaries are Swedish midnights.
    const rows = await new StatisticsRepository(this.ctx.em).figures(
      organisations.map((o) => o.id),
      from,
      to,
    );
    const byId = new Map(rows.map((row) => [row.organisation_id, row]));
    return organisations.map((organisation) => {
      const row = byId.get(organisation.id)!;
      return {
        organisation,
        year,
        peopleRegistered: row.people_registered,
        peopleCompleted: row.people_completed,
        peopleWaitlisted: row.people_waitlisted,
        networkMembers: row.network_members,
        meetingRegistrations: row.meeting_registrations,
        meetingAttendances: row.meeting_attendances,
      };
    });
  }
}
