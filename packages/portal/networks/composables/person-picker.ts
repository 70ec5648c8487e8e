import { personOptions } from '@evikomp/portal-shared';
import { NetworksPersonSearchDocument } from '../gql/graphql.js';

/** The SearchPicker settings for a person (by name or e-mail, 20 at a time, those the signed-in person may see). */
export const personPicker = { query: NetworksPersonSearchDocument, variables: (search: string) => ({ search }), options: personOptions };
