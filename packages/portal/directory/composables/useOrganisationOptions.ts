import { computed } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import { OrganisationOptionsDocument } from '../gql/graphql.js';

/** The member organisations (fewer than 100) as choices for a filter or a form's select. */
export function useOrganisationOptions() {
  const { result, loading, error } = useQuery(OrganisationOptionsDocument);
  const options = computed(() => (result.value?.organisations.edges ?? []).map(({ node }) => ({ value: node.id, label: node.name })));
  return { options, loading, error };
}
