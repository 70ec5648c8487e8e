import { computed, inject } from 'vue';

/** The shell's session (provided under a string key, so every microfrontend's copy finds it); only what training reads. */
interface SessionRoles {
  readonly roles: readonly string[];
}

/**
 * Which of the training pages' actions to offer the signed-in person. Only what the page shows: the API decides
 * what each person may do, and its FORBIDDEN errors are shown like any other.
 */
export function useRoles() {
  const session = inject<SessionRoles | null>('evikomp:session', null);
  const roles = computed(() => session?.roles ?? []);
  return {
    roles,
    isAdministrator: computed(() => roles.value.includes('ADMINISTRATOR')),
    approves: computed(() => roles.value.includes('ADMINISTRATOR') || roles.value.includes('ORGANISATION_ADMIN')),
    recordsAttendance: computed(() => roles.value.includes('ADMINISTRATOR') || roles.value.includes('COMPETENCE_COORDINATOR')),
    seesStatistics: computed(() => roles.value.includes('ADMINISTRATOR') || roles.value.includes('ORGANISATION_ADMIN')),
  };
}
