import { computed, inject } from 'vue';

// The shell provides the session under this string key (every microfrontend bundles its own copy of the shared code).
const SESSION_KEY = 'evikomp:session';

interface SessionLike {
  readonly roles: readonly string[];
  readonly person?: { readonly id: string } | null;
}

/**
 * Whether the signed-in person may create and change directory records, to offer only the buttons that will work.
 * The API decides; outside the shell (component tests) everything is offered.
 */
export function useCallerRoles() {
  const session = inject<SessionLike | null>(SESSION_KEY, null);
  const roles = computed(() => session?.roles ?? null);
  return {
    roles,
    canCreate: computed(
      () => roles.value === null || roles.value.some((role) => role === 'ADMINISTRATOR' || role === 'ORGANISATION_ADMIN'),
    ),
    /** The signed-in person's id (null outside the shell). */
    personId: computed(() => session?.person?.id ?? null),
    isAdministrator: computed(() => roles.value === null || roles.value.includes('ADMINISTRATOR')),
  };
}
