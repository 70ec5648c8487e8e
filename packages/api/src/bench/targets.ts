import type { PeerScenarioResult } from './peer-comparison.js';
import type { StormResult } from './registration-storm.js';

/** One of the performance targets the bench checks, as measured in this run. */
export interface TargetResult {
  target: string;
  /** What this run measured, as printed. */
  measured: string;
  /** Null: not measured in this run (a part left out by BENCH_ONLY, or no peer). */
  met: boolean | null;
}

/** Lowest requests/s against the peer, per scenario. */
const RATIO_TARGETS: readonly { key: string; label: string; atLeast: number }[] = [
  { key: 'organisations', label: '(a)', atLeast: 0.75 },
  { key: 'organisationsSmall', label: '(b)', atLeast: 0.5 },
  { key: 'workplace', label: '(c)', atLeast: 0.35 },
];
/** Statements per request in steady state (the caller cached), whatever the number of rows. */
const MAX_STATEMENTS = 2;
/** The API's peak RSS during (a) over the peer's. */
const MAX_RSS_RATIO = 1.5;
/** The storm's registrations/s over the plain-pg floor's. */
const MIN_STORM_RATIO = 0.5;

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * The targets of the performance work (issue 12), each from this run alone: ratios against the peer and the
 * floor measured side by side, never absolute figures. Informative: they do not change the bench's exit code,
 * which stays about correctness (equal answers, no overbooking).
 */
export function checkTargets(comparison: readonly PeerScenarioResult[], storm: StormResult | null): TargetResult[] {
  const byKey = new Map(comparison.map((result) => [result.key, result]));
  const targets: TargetResult[] = [];
  for (const { key, label, atLeast } of RATIO_TARGETS) {
    const ratio = byKey.get(key)?.ratio ?? null;
    targets.push({
      target: `${label} requests/s ≥ ${atLeast}× the peer's`,
      measured: ratio ? `${ratio.overall}× (rounds ${ratio.min}–${ratio.max})` : 'not measured',
      met: ratio ? ratio.overall >= atLeast : null,
    });
  }
  for (const { key, label } of RATIO_TARGETS) {
    const result = byKey.get(key);
    targets.push({
      target: `${label} SQL statements per request ≤ ${MAX_STATEMENTS}`,
      measured: result ? `${result.api.sqlStatements.max} (peer ${result.peer?.sqlStatements.max ?? 'n/a'})` : 'not measured',
      met: result ? result.api.sqlStatements.max <= MAX_STATEMENTS : null,
    });
  }
  for (const key of ['peopleSearch', 'cohort']) {
    const result = byKey.get(key);
    targets.push({
      target: `${key === 'cohort' ? 'a cohort with its registrations' : 'people search'} measured beside the peer`,
      measured: result?.ratio ? `${result.ratio.overall}×, ${result.api.sqlStatements.max} SQL/request` : 'not measured',
      met: result?.ratio ? true : null,
    });
  }
  const heavy = byKey.get('organisations');
  const rss = heavy?.api.peakRssMb && heavy.peer?.peakRssMb ? round2(heavy.api.peakRssMb / heavy.peer.peakRssMb) : null;
  targets.push({
    target: `(a) peak RSS ≤ ${MAX_RSS_RATIO}× the peer's`,
    measured: rss === null ? 'not measured' : `${rss}× (${heavy!.api.peakRssMb} / ${heavy!.peer!.peakRssMb} MB)`,
    met: rss === null ? null : rss <= MAX_RSS_RATIO,
  });
  targets.push({
    target: 'every answer equal on both sides',
    measured: comparison.some((result) => result.sameAnswers !== null)
      ? comparison.every((result) => result.sameAnswers !== false)
        ? 'equal'
        : 'DIFFERENT'
      : 'not measured',
    met: comparison.some((result) => result.sameAnswers !== null) ? comparison.every((result) => result.sameAnswers !== false) : null,
  });
  const floor = storm?.floor ?? null;
  const stormRatio = storm && floor ? round2(storm.registrationsPerSecond / floor.registrationsPerSecond) : null;
  targets.push({
    target: `storm ≥ ${MIN_STORM_RATIO}× the plain-pg floor, never overbooked`,
    measured:
      storm && floor && stormRatio !== null
        ? `${stormRatio}× (${storm.registrationsPerSecond} / ${floor.registrationsPerSecond} per s), lock held p50 ${storm.lockHeldMs?.p50 ?? 'n/a'} / ${floor.lockHeldMs.p50} ms, check ${storm.check.passed ? 'passed' : 'FAILED'}`
        : 'not measured',
    met: storm && stormRatio !== null ? stormRatio >= MIN_STORM_RATIO && storm.check.passed && storm.errors === 0 : null,
  });
  return targets;
}

export function printTargets(targets: readonly TargetResult[]): void {
  const mark = (met: boolean | null) => (met === null ? '–' : met ? 'yes' : 'NO');
  const widths = [
    Math.max(6, ...targets.map((row) => row.target.length)),
    Math.max(8, ...targets.map((row) => row.measured.length)),
  ] as const;
  console.log('\nTargets (each from this run alone):\n');
  console.log(`${'target'.padEnd(widths[0])}  ${'measured'.padEnd(widths[1])}  met`);
  console.log(`${'-'.repeat(widths[0])}  ${'-'.repeat(widths[1])}  ---`);
  for (const row of targets) console.log(`${row.target.padEnd(widths[0])}  ${row.measured.padEnd(widths[1])}  ${mark(row.met)}`);
}
