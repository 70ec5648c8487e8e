import { describe, expect, it } from 'vitest';
import { AccessPolicy } from '../../platform/access/access-policy.js';
import type { Actor, Grants } from '../../platform/access/actor.js';
import { CataloguePolicy } from './catalogue.policy.js';

const none: Grants = {
  administrator: false,
  organisationAdminOf: new Set(),
  managerOf: new Set(),
  workplaceCoordinatorOf: new Set(),
  competenceCoordinatorOf: new Set(),
};
const person = (grants: Partial<Grants>): Actor => ({ kind: 'person', personId: 'p', sessionId: 's', grants: { ...none, ...grants } });
const policy = (actor: Actor) => CataloguePolicy.of(new AccessPolicy(actor));

describe('CataloguePolicy', () => {
  it('lets administrators manage and import everything', () => {
    const admin = policy(person({ administrator: true }));
    expect(admin.scope([])).toEqual({ everything: true });
    expect(admin.canManageTracksOf(null)).toBe(true);
    expect(admin.canImport()).toBe(true);
  });

  it("lets an organisation admin manage only their organisation's co-created tracks", () => {
    const orgAdmin = policy(person({ organisationAdminOf: new Set(['motala']) }));
    expect(orgAdmin.canManageTracksOf('motala')).toBe(true);
    expect(orgAdmin.canManageTracksOf('norrkoping')).toBe(false);
    expect(orgAdmin.canManageTracksOf(null)).toBe(false);
    expect(orgAdmin.canImport()).toBe(false);
  });

  it("reads the published catalogue and the own workplaces' organisations' tracks, manages none", () => {
    const manager = policy(person({ managerOf: new Set(['a']) }));
    expect(manager.workplaceIds()).toEqual(['a']);
    expect(manager.scope(['motala'])).toEqual({
      everything: false,
      published: true,
      memberOrganisationIds: ['motala'],
      managedOrganisationIds: [],
    });
    expect(manager.canManageTracksOf('motala')).toBe(false);
  });

  it('lets API clients read only with a training scope', () => {
    const client = (scopes: string[]): Actor => ({ kind: 'apiClient', clientId: 'c', organisationId: null, scopes: new Set(scopes) });
    expect(policy(client(['read:directory'])).canRead()).toBe(false);
    expect(policy(client(['read:training'])).canRead()).toBe(true);
    expect(policy({ kind: 'anonymous' }).canRead()).toBe(false);
  });
});
