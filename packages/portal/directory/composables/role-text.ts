import type { RoleAssignmentFieldsFragment } from '../gql/graphql.js';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** Where a role is held: its workplace, its organisation, or the whole county (administrators, coordinators). */
export function roleWhere(assignment: RoleAssignmentFieldsFragment, t: Translate): string {
  return assignment.workplace?.name ?? assignment.organisation?.name ?? t('roles.where.county');
}

/** Current, ended or upcoming, from the assignment's period and `isActive` (the API's "today" in Sweden). */
export function roleStatus(assignment: RoleAssignmentFieldsFragment, today: string): 'active' | 'ended' | 'upcoming' {
  if (assignment.isActive) return 'active';
  return assignment.startsOn > today ? 'upcoming' : 'ended';
}
