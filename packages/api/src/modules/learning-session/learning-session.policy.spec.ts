import { describe, expect, it } from 'vitest';
import { AccessPolicy } from '../../platform/access/access-policy.js';
import { grantsFrom, type Actor } from '../../platform/access/actor.js';
import { Role } from '../../platform/access/vocabulary.js';
import { LearningSessionPolicy } from './learning-session.policy.js';

const person = (assignments: { role: Role; workplaceId?: string; organisationId?: string }[], personId = 'p1'): Actor => ({
  kind: 'person',
  personId,
  sessionId: 's1',
  grants: grantsFrom(
    assignments.map((a) => ({ role: a.role, workplaceId: a.workplaceId ?? null, organisationId: a.organisationId ?? null })),
  ),
});
const policy = (actor: Actor) => LearningSessionPolicy.of(new AccessPolicy(actor));
const workplace = { id: 'w1', organisationId: 'o1' };

describe('LearningSessionPolicy', () => {
  it('lets administrators read and close, but not sign steps', () => {
    const admin = policy(person([{ role: Role.ADMINISTRATOR }]));
    expect(admin.canRead(workplace)).toBe(true);
    expect(admin.canCloseMonth()).toBe(true);
    expect(admin.canExportFunderReport()).toBe(true);
    expect(admin.canAttest('w1')).toBe(false);
    expect(admin.canConfirm('p2')).toBe(false);
  });

  it('gives organisation admins their organisation only, without the paper list or the report', () => {
    const admin = policy(person([{ role: Role.ORGANISATION_ADMIN, organisationId: 'o1' }]));
    expect(admin.canRegister(workplace)).toBe(true);
    expect(admin.canRegister({ id: 'w9', organisationId: 'o2' })).toBe(false);
    expect(admin.canRecordPaperList('w1')).toBe(false);
    expect(admin.canExportFunderReport()).toBe(false);
  });

  it('lets the manager attest and the coordinator record paper lists at their workplace only', () => {
    const manager = policy(person([{ role: Role.MANAGER, workplaceId: 'w1' }]));
    const coordinator = policy(person([{ role: Role.WORKPLACE_COORDINATOR, workplaceId: 'w1' }]));
    expect(manager.canAttest('w1')).toBe(true);
    expect(manager.canAttest('w2')).toBe(false);
    expect(coordinator.canAttest('w1')).toBe(false);
    expect(coordinator.canRecordPaperList('w1')).toBe(true);
    expect(coordinator.canCloseMonth()).toBe(false);
  });

  it('lets participants confirm their own hours only, and API clients nothing', () => {
    expect(policy(person([], 'p2')).canConfirm('p2')).toBe(true);
    expect(policy(person([], 'p2')).canConfirm('p3')).toBe(false);
    const client = policy({ kind: 'apiClient', clientId: 'c', organisationId: null, scopes: new Set(['READ_TRAINING']) });
    expect(client.canRead(workplace)).toBe(false);
    expect(client.canConfirm('p2')).toBe(false);
  });
});
