import { computed } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import { NetworksViewerDocument } from '../gql/graphql.js';

/**
 * Who is signed in and what the menu may offer them. Only what buttons to show: the API decides what is allowed.
 * (The shell asked for `me` already, so this is mostly answered from the cache.)
 */
export function useViewer() {
  const { result } = useQuery(NetworksViewerDocument, null, { fetchPolicy: 'cache-first' });
  const assignments = computed(() => result.value?.me?.roles ?? []);
  const roles = computed(() => new Set(assignments.value.map((assignment) => assignment.role)));
  const isAdministrator = computed(() => roles.value.has('ADMINISTRATOR'));
  /** The organisations whose people the viewer administers (and so may add to networks and register). */
  const organisationAdminOf = computed(
    () =>
      new Set(
        assignments.value
          .filter((assignment) => assignment.role === 'ORGANISATION_ADMIN' && assignment.organisation)
          .map((assignment) => assignment.organisation!.id),
      ),
  );
  const personId = computed(() => result.value?.me?.id ?? null);
  return {
    personId,
    isAdministrator,
    organisationAdminOf,
    /** Administrators and organisation admins act for others (networkJoin, networkLeave, registering, cancelling). */
    mayActForOthers: computed(() => isAdministrator.value || organisationAdminOf.value.size > 0),
    /** As the API's rule: oneself, anyone for administrators, the people of one's organisations for their admins. */
    mayActFor: (person: { id: string; homeOrganisation: { id: string } } | null | undefined) =>
      !!person && (isAdministrator.value || person.id === personId.value || organisationAdminOf.value.has(person.homeOrganisation.id)),
    mayRecordAttendance: computed(() => roles.value.has('ADMINISTRATOR') || roles.value.has('COMPETENCE_COORDINATOR')),
  };
}
