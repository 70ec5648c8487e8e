import { computed } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import { NetworksViewerDocument } from '../gql/graphql.js';

/**
 * Who is signed in and what the menu may offer them. Only what buttons to show: the API decides what is allowed.
 * (The shell asked for `me` already, so this is answered from the cache.)
 */
export function useViewer() {
  const { result } = useQuery(NetworksViewerDocument, null, { fetchPolicy: 'cache-first' });
  const roles = computed(() => new Set((result.value?.me?.roles ?? []).map((assignment) => assignment.role)));
  return {
    personId: computed(() => result.value?.me?.id ?? null),
    isAdministrator: computed(() => roles.value.has('ADMINISTRATOR')),
    mayRecordAttendance: computed(() => roles.value.has('ADMINISTRATOR') || roles.value.has('COMPETENCE_COORDINATOR')),
  };
}
