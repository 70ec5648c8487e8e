/**
 * What part of the directory a caller may read: everything, or whatever hangs off their own person,
 * the organisations they administer and the workplaces they work with. Repositories turn it into SQL.
 */
export type ReadScope =
  { everything: true } | { everything: false; selfPersonId: string | null; organisationIds: string[]; workplaceIds: string[] };

export const EVERYTHING: ReadScope = { everything: true };

export const NOTHING: ReadScope = { everything: false, selfPersonId: null, organisationIds: [], workplaceIds: [] };
