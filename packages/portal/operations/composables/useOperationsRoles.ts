import { computed, inject } from 'vue';

// The shell provides the session under this string key (every microfrontend bundles its own copy of the shared code).
const SESSION_KEY = 'evikomp:session';

interface SessionLike {
  readonly roles: readonly string[];
}

/** Which parts of operations the signed-in person's roles use, to show only the links that lead somewhere. */
export function useOperationsRoles() {
  const session = inject<SessionLike | null>(SESSION_KEY, null);
  const roles = computed(() => session?.roles ?? null);
  const has = (...anyOf: string[]) => roles.value === null || roles.value.some((role) => anyOf.includes(role));
  return {
    roles,
    /** Cost shares and agreements: administrators and organisation admins. */
    readsCosts: computed(() => has('ADMINISTRATOR', 'ORGANISATION_ADMIN')),
    /** Staff imports: administrators, and organisation admins for their organisation. */
    importsStaff: computed(() => has('ADMINISTRATOR', 'ORGANISATION_ADMIN')),
    /** The dashboard: administrators, competence coordinators (the county) and organisation admins (their own). */
    readsDashboard: computed(() => has('ADMINISTRATOR', 'ORGANISATION_ADMIN', 'COMPETENCE_COORDINATOR')),
    /** Action plans: the workplace's people, its organisation's admins, competence coordinators, administrators. */
    readsActionPlans: computed(() =>
      has('ADMINISTRATOR', 'ORGANISATION_ADMIN', 'MANAGER', 'WORKPLACE_COORDINATOR', 'COMPETENCE_COORDINATOR'),
    ),
    /** A workplace's learning sessions and their hours: its manager and coordinators, its organisation's admins, administrators. */
    readsLearningSessions: computed(() => has('ADMINISTRATOR', 'ORGANISATION_ADMIN', 'MANAGER', 'WORKPLACE_COORDINATOR')),
    /** Closing a month for learning hours: administrators. */
    closesMonths: computed(() => has('ADMINISTRATOR')),
  };
}
