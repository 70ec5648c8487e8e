import { computed, ref } from 'vue';
import { useApolloClient } from '@vue/apollo-composable';
import { readAllPages } from '@evikomp/portal-shared';
import { OrganisationOptionsDocument } from '../gql/graphql.js';

export interface OrganisationOption {
  value: string;
  label: string;
}

/** Every member organisation (all pages: a national roll-out has about 300) as a choice for a filter or a form's select. */
export function useOrganisationOptions() {
  const { resolveClient } = useApolloClient();
  const found = ref<OrganisationOption[]>([]);
  const loading = ref(true);
  const error = ref<unknown>(null);
  readAllPages(resolveClient(), OrganisationOptionsDocument, (data) => data.organisations)
    .then((nodes) => (found.value = nodes.map((node) => ({ value: node.id, label: node.name }))))
    .catch((failure: unknown) => (error.value = failure))
    .finally(() => (loading.value = false));
  return { options: computed(() => found.value), loading, error };
}
