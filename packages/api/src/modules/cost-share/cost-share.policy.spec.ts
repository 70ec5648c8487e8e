import { describe, expect, it } from 'vitest';
import { AccessPolicy } from '../../platform/access/access-policy.js';
import { ANONYMOUS, type Grants } from '../../platform/access/actor.js';
import { CostSharePolicy } from './cost-share.policy.js';

const grants = (overrides: Partial<Grants>): Grants =>
  ({
    administrator: false,
    organisationAdminOf: new Set(),
    managerOf: new Set(),
    workplaceCoordinatorOf: new Set(),
    competenceCoordinatorOf: new Set(),
    ...overrides,
  }) satisfies Grants;
const person = (g: Grants) => new AccessPolicy({ kind: 'person', personId: 'p', sessionId: 's', grants: g });

describe('CostSharePolicy', () => {
  it('lets administrators manage and read; organisation admins only read; others nothing', () => {
    const administrator = CostSharePolicy.of(person(grants({ administrator: true })));
    expect([administrator.canManage(), administrator.canRead()]).toEqual([true, true]);
    const organisationAdmin = CostSharePolicy.of(person(grants({ organisationAdminOf: new Set(['o']) })));
    expect([organisationAdmin.canManage(), organisationAdmin.canRead()]).toEqual([false, true]);
    const manager = CostSharePolicy.of(person(grants({ managerOf: new Set(['w']) })));
    expect([manager.canManage(), manager.canRead()]).toEqual([false, false]);
    const anonymous = CostSharePolicy.of(new AccessPolicy(ANONYMOUS));
    expect([anonymous.canManage(), anonymous.canRead()]).toEqual([false, false]);
  });
});
