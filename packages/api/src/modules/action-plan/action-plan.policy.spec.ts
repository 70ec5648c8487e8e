import { describe, expect, it } from 'vitest';
import { AccessPolicy } from '../../platform/access/access-policy.js';
import type { Actor, Grants } from '../../platform/access/actor.js';
import { ActionPlanPolicy } from './action-plan.policy.js';

const none: Grants = {
  administrator: false,
  organisationAdminOf: new Set(),
  managerOf: new Set(),
  workplaceCoordinatorOf: new Set(),
  competenceCoordinatorOf: new Set(),
};
const policy = (grants: Partial<Grants>) =>
  ActionPlanPolicy.of(new AccessPolicy({ kind: 'person', personId: 'p', sessionId: 's', grants: { ...none, ...grants } } satisfies Actor));

describe('ActionPlanPolicy', () => {
  it('reads everything as an administrator, but takes no step', () => {
    const admin = policy({ administrator: true });
    expect(admin.scope([])).toEqual({ everything: true });
    expect(admin.isManagerOf('a')).toBe(false);
    expect(admin.isCompetenceCoordinatorFor('a', 'motala', [])).toBe(false);
  });

  it("lets the manager fill in and submit their workplace's plan only", () => {
    expect(policy({ managerOf: new Set(['a']) }).isManagerOf('a')).toBe(true);
    expect(policy({ managerOf: new Set(['a']) }).isManagerOf('b')).toBe(false);
    expect(policy({ workplaceCoordinatorOf: new Set(['a']) }).isManagerOf('a')).toBe(false);
  });

  it("lets a competence coordinator propose for the workplaces of their workplaces' organisations", () => {
    const coordinator = policy({ competenceCoordinatorOf: new Set(['a']) });
    expect(coordinator.isCompetenceCoordinatorFor('b', 'motala', ['motala'])).toBe(true);
    expect(coordinator.isCompetenceCoordinatorFor('c', 'norrkoping', ['motala'])).toBe(false);
    expect(coordinator.scope(['motala'])).toEqual({ everything: false, workplaceIds: ['a'], organisationIds: ['motala'] });
  });

  it("reads an organisation admin's organisation's plans", () => {
    expect(policy({ organisationAdminOf: new Set(['motala']) }).scope([])).toEqual({
      everything: false,
      workplaceIds: [],
      organisationIds: ['motala'],
    });
  });

  it('gives API clients and anonymous callers nothing', () => {
    const client = ActionPlanPolicy.of(new AccessPolicy({ kind: 'apiClient', clientId: 'c', organisationId: null, scopes: new Set() }));
    expect(client.scope([])).toEqual({ everything: false, workplaceIds: [], organisationIds: [] });
  });
});
