import { personOptions } from '@evikomp/portal-shared';
import { AdminPersonSearchDocument } from '../gql/graphql.js';

/** The SearchPicker settings for a person (by name or e-mail, 20 at a time, those the signed-in person may see). */
export const personPicker = { query: AdminPersonSearchDocument, variables: (search: string) => ({ search }), options: personOptions };
