import { describe, expect, it } from 'vitest';
import type { PeerScenarioResult, SideResult } from './peer-comparison.js';
import type { StormResult } from './registration-storm.js';
import { checkTargets } from './targets.js';

const side = (requestsPerSecond: number, statements: number, peakRssMb: number): SideResult => ({
  roundRates: [requestsPerSecond],
  requestsPerSecond,
  latencyP50Ms: 1,
  sqlStatements: { min: statements, max: statements },
  singleRequestMs: 1,
  peakRssMb,
  non2xx: 0,
  errors: 0,
});

const scenario = (key: string, api: SideResult, peer: SideResult): PeerScenarioResult => {
  const overall = Math.round((api.requestsPerSecond / peer.requestsPerSecond) * 100) / 100;
  return {
    key,
    title: key,
    connections: 10,
    secondsPerRound: 4,
    api,
    peer,
    ratio: { overall, min: overall, max: overall },
    sqlFloorMs: 1,
    sameAnswers: true,
    mismatch: null,
  };
};

const storm = (perSecond: number, floorPerSecond: number, passed = true) =>
  ({
    registrationsPerSecond: perSecond,
    errors: 0,
    lockHeldMs: { p50: 3, p90: 5 },
    check: { passed },
    floor: { registrationsPerSecond: floorPerSecond, lockHeldMs: { p50: 2, p90: 4 } },
  }) as unknown as StormResult;

const met = (targets: ReturnType<typeof checkTargets>, starts: string) => targets.find((row) => row.target.startsWith(starts))?.met;

describe('the performance targets the bench checks', () => {
  it('judges each ratio against its own bar, from the run given', () => {
    const targets = checkTargets(
      [
        scenario('organisations', side(75, 1, 150), side(100, 2, 100)),
        scenario('organisationsSmall', side(49, 1, 100), side(100, 1, 100)),
        scenario('workplace', side(35, 3, 100), side(100, 1, 100)),
      ],
      storm(50, 100),
    );
    expect(met(targets, '(a) requests/s')).toBe(true);
    expect(met(targets, '(b) requests/s')).toBe(false);
    expect(met(targets, '(c) requests/s')).toBe(true);
    expect(met(targets, '(c) SQL statements')).toBe(false);
    expect(met(targets, '(a) peak RSS')).toBe(true);
    expect(met(targets, 'storm')).toBe(true);
    expect(met(targets, 'people search')).toBeNull();
  });

  it('never counts a storm that overbooked, nor what was not measured', () => {
    const targets = checkTargets([], storm(90, 100, false));
    expect(met(targets, 'storm')).toBe(false);
    expect(met(targets, '(a) requests/s')).toBeNull();
    expect(met(targets, '(a) peak RSS')).toBeNull();
    expect(met(targets, 'every answer')).toBeNull();
  });
});
