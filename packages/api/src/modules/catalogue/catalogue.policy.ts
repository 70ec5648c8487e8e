import type { AccessPolicy } from '../../platform/access/access-policy.js';
import { ApiScope } from '../../platform/access/vocabulary.js';

/** What part of the catalogue a caller reads; repositories turn it into SQL. */
export type CatalogueScope =
  | { everything: true }
  | {
      everything: false;
      /** Published tracks of the common catalogue and shared co-created ones. */
      published: boolean;
      /** Organisations whose published co-created tracks the caller reads even unshared (their own, their workplaces'). */
      memberOrganisationIds: string[];
      /** Organisations whose co-created tracks the caller manages, and so reads in every status. */
      managedOrganisationIds: string[];
    };

export const NO_CATALOGUE: CatalogueScope = { everything: false, published: false, memberOrganisationIds: [], managedOrganisationIds: [] };

/**
 * The learning catalogue: administrators manage all of it; organisation admins manage their organisation's
 * co-created tracks; everyone signed in reads the published catalogue, and a co-created track that is not shared
 * only within its own organisation (its admins, and the people with roles at its workplaces). API clients with a
 * training scope read the published catalogue (with an owning organisation, that organisation's tracks too).
 */
export class CataloguePolicy {
  private constructor(private readonly access: AccessPolicy) {}

  static of(access: AccessPolicy): CataloguePolicy {
    return access.memo(CataloguePolicy, () => new CataloguePolicy(access));
  }

  canRead(): boolean {
    return this.access.actor.kind === 'person' || this.access.hasClientScope(ApiScope.READ_TRAINING, ApiScope.WRITE_TRAINING);
  }

  /** The workplaces whose organisations' unshared tracks the caller reads (the service finds their organisations). */
  workplaceIds(): string[] {
    const grants = this.access.grants;
    if (!grants) return [];
    return [...new Set([...grants.managerOf, ...grants.workplaceCoordinatorOf, ...grants.competenceCoordinatorOf])];
  }

  /** The scope, given the organisations of the caller's workplaces. */
  scope(workplaceOrganisationIds: readonly string[]): CatalogueScope {
    if (!this.canRead()) return NO_CATALOGUE;
    if (this.access.isAdministrator) return { everything: true };
    const actor = this.access.actor;
    const managed = [...(this.access.grants?.organisationAdminOf ?? [])];
    const client = actor.kind === 'apiClient' && actor.organisationId ? [actor.organisationId] : [];
    return {
      everything: false,
      published: true,
      memberOrganisationIds: [...new Set([...managed, ...workplaceOrganisationIds, ...client])],
      managedOrganisationIds: managed,
    };
  }

  /** The whole catalogue, the common tracks and every organisation's: administrators. */
  canManageAll(): boolean {
    return this.access.isAdministrator;
  }

  /** Tracks co-created by this organisation (null: the common catalogue). */
  canManageTracksOf(organisationId: string | null): boolean {
    if (this.access.isAdministrator) return true;
    return organisationId !== null && (this.access.grants?.organisationAdminOf.has(organisationId) ?? false);
  }

  /** Importing files into the catalogue, which may touch any track: administrators. */
  canImport(): boolean {
    return this.access.isAdministrator;
  }
}
