import type { PickerOption } from '@evikomp/portal-shared';
import { PersonSearchDocument, WorkplaceSearchDocument, type PersonSearchQuery, type WorkplaceSearchQuery } from '../../gql/graphql.js';

/** The SearchPicker settings of the role forms: a person (name, e-mail, organisation) and an active workplace. */
export const personPicker = {
  query: PersonSearchDocument,
  variables: (search: string) => ({ search }),
  options: (data: PersonSearchQuery): PickerOption[] =>
    data.people.edges.map(({ node }) => ({
      id: node.id,
      label: node.name,
      detail: node.email ? `${node.email}, ${node.homeOrganisation.name}` : node.homeOrganisation.name,
    })),
};

export const workplacePicker = {
  query: WorkplaceSearchDocument,
  variables: (search: string) => ({ search }),
  options: (data: WorkplaceSearchQuery): PickerOption[] =>
    data.workplaces.edges.map(({ node }) => ({
      id: node.id,
      label: node.name,
      detail: node.city ? `${node.city}, ${node.organisation.name}` : node.organisation.name,
    })),
};
