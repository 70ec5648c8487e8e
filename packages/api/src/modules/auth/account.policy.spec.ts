import { describe, expect, it } from 'vitest';
import { AccessPolicy } from '../../platform/access/access-policy.js';
import { grantsFrom, type Actor } from '../../platform/access/actor.js';
import { Role } from '../../platform/access/vocabulary.js';
import { AccountPolicy } from './account.policy.js';

const person = (roles: { role: Role; organisationId?: string; workplaceId?: string }[]): Actor => ({
  kind: 'person',
  personId: 'caller',
  sessionId: 'session',
  grants: grantsFrom(roles.map((r) => ({ role: r.role, organisationId: r.organisationId ?? null, workplaceId: r.workplaceId ?? null }))),
});
const policy = (actor: Actor) => AccountPolicy.of(new AccessPolicy(actor));

describe('AccountPolicy', () => {
  const staff = { homeOrganisationId: 'own', openRoles: [] };

  it('lets administrators manage anyone', () => {
    const administrator = policy(person([{ role: Role.ADMINISTRATOR }]));
    expect(administrator.canManage({ homeOrganisationId: 'other', openRoles: [{ role: Role.ADMINISTRATOR, organisationId: null }] })).toBe(
      true,
    );
  });

  it("lets organisation admins manage their organisation's people, not others'", () => {
    const admin = policy(person([{ role: Role.ORGANISATION_ADMIN, organisationId: 'own' }]));
    expect(admin.canManage(staff)).toBe(true);
    expect(admin.canManage({ ...staff, openRoles: [{ role: Role.MANAGER, organisationId: 'own' }] })).toBe(true);
    expect(admin.canManage({ homeOrganisationId: 'other', openRoles: [] })).toBe(false);
  });

  it('refuses organisation admins people who hold, now or later, a role they could not give', () => {
    const admin = policy(person([{ role: Role.ORGANISATION_ADMIN, organisationId: 'own' }]));
    expect(admin.canManage({ ...staff, openRoles: [{ role: Role.ADMINISTRATOR, organisationId: null }] })).toBe(false);
    expect(admin.canManage({ ...staff, openRoles: [{ role: Role.ORGANISATION_ADMIN, organisationId: 'other' }] })).toBe(false);
    expect(admin.canManage({ ...staff, openRoles: [{ role: Role.MANAGER, organisationId: 'other' }] })).toBe(false);
  });

  it('refuses everyone else and API clients', () => {
    expect(policy(person([{ role: Role.MANAGER, workplaceId: 'w' }])).canManage(staff)).toBe(false);
    expect(policy(person([])).canManage(staff)).toBe(false);
    const client: Actor = { kind: 'apiClient', clientId: 'c', organisationId: null, scopes: new Set(['WRITE_DIRECTORY']) } as Actor;
    expect(policy(client).canManage(staff)).toBe(false);
  });
});
