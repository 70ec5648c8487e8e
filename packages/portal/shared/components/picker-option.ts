/** One record a SearchPicker offers. */
export interface PickerOption {
  id: string;
  label: string;
  /** More to tell options apart (the organisation, the city): "label (detail)" in the list and the input. */
  detail?: string;
}

/** What a people search answers, at the least: `people(first: 20, filter: { search }) { edges { node { id name homeOrganisation { name } } } }`. */
export interface PeopleFound {
  people: { edges: readonly { node: { id: string; name: string; homeOrganisation: { name: string } } }[] };
}

/** A people search's answer as picker options: the name, and the home organisation to tell namesakes apart. */
export function personOptions(data: PeopleFound): PickerOption[] {
  return data.people.edges.map(({ node }) => ({ id: node.id, label: node.name, detail: node.homeOrganisation.name }));
}
