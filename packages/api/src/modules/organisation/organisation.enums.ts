import { registerEnumType } from 'type-graphql';

export enum OrganisationKind {
  MUNICIPALITY = 'MUNICIPALITY',
  REGION = 'REGION',
  OTHER = 'OTHER',
}
registerEnumType(OrganisationKind, {
  name: 'OrganisationKind',
  description: 'What kind of body a member organisation is.',
  valuesConfig: {
    MUNICIPALITY: { description: 'A municipality (kommun), e.g. one of the 13 municipalities of Östergötland.' },
    REGION: { description: 'A region (region), e.g. Region Östergötland, which pays 15 % of the yearly cost.' },
    OTHER: { description: 'Any other member body that is neither a municipality nor a region.' },
  },
});
