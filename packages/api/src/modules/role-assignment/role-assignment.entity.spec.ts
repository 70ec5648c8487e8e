import { describe, expect, it } from 'vitest';
import { Role, RoleAssignment } from './role-assignment.entity.js';

function assignment(startsOn: string, endsOn: string | null): RoleAssignment {
  return Object.assign(new RoleAssignment(), { role: Role.MANAGER, startsOn, endsOn });
}

describe('RoleAssignment.isActiveOn', () => {
  it('holds from the first day up to, not including, the end date', () => {
    const period = assignment('2024-01-01', '2024-03-01');
    expect(period.isActiveOn('2023-12-31')).toBe(false);
    expect(period.isActiveOn('2024-01-01')).toBe(true);
    expect(period.isActiveOn('2024-02-29')).toBe(true);
    expect(period.isActiveOn('2024-03-01')).toBe(false);
  });

  it('holds indefinitely while open-ended', () => {
    expect(assignment('2024-01-01', null).isActiveOn('2099-12-31')).toBe(true);
  });

  it('never holds when it ended the day it started (a cancelled assignment)', () => {
    expect(assignment('2024-01-01', '2024-01-01').isActiveOn('2024-01-01')).toBe(false);
  });
});
