import type { AccessPolicy } from '../../platform/access/access-policy.js';

/** Who may see and change calendar feeds. Which people one may pick a feed for is the directory read scope (`PersonPolicy.readScope`). */
export class CalendarPolicy {
  private constructor(private readonly access: AccessPolicy) {}

  static of(access: AccessPolicy): CalendarPolicy {
    return access.memo(CalendarPolicy, () => new CalendarPolicy(access));
  }

  /**
   * A person's calendar feeds (seeing, creating, revoking): their own, and administrators anyone's.
   * Cohort feeds are open to anyone signed in, as cohorts are; they belong to whoever made them.
   */
  canManageCalendarFeedsOf(personId: string): boolean {
    return this.access.isAdministrator || this.access.isSelf(personId);
  }
}
