import type { ScenarioResult } from './bench-queries.js';
import type { PeerScenarioResult } from './peer-comparison.js';
import type { StormResult } from './registration-storm.js';

export function formatMb(value: number | null): string {
  return value === null ? 'n/a' : `${value.toFixed(0)} MB`;
}

export function formatRange(range: { min: number; max: number }): string {
  return range.min === range.max ? String(range.min) : `${range.min}–${range.max}`;
}

function row(cells: string[], widths: number[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((cells) => (cells[i] ?? '').length)));
  return [row(header, widths), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((cells) => row(cells, widths))].join('\n');
}

/** The compact summary table of the query scenarios. */
export function printTable(results: ScenarioResult[]): void {
  if (results.length === 0) return;
  const header = ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'SQL/req', '1 req ms', 'server RSS', 'non-2xx', 'errors'];
  const rows = results.map((r) => [
    r.title,
    r.requestsPerSecond.toFixed(1),
    String(r.latencyP50Ms),
    String(r.latencyP99Ms),
    formatRange(r.sqlStatements),
    String(r.unloadedLatencyMs),
    formatMb(r.serverPeakRssMb),
    String(r.non2xx),
    r.timeouts > 0 ? `${r.errors} (${r.timeouts} timeouts)` : String(r.errors),
  ]);
  const connections = results[0]?.connections ?? 0;
  const duration = results[0] ? Math.round(results[0].durationSeconds) : 0;
  console.log(`\nResults (${duration} s per scenario, ${connections} connections):\n`);
  console.log(table(header, rows));
  console.log('(1 req ms: median of single requests on an idle server; server RSS: highest sample during the load)');
}

/** The registration storm's figures and the verdict of the database check; a failed check is meant to be seen. */
export function printStorm(storm: StormResult): void {
  const n = (value: number) => value.toLocaleString('en-GB');
  console.log(
    `\nRegistration storm (${n(storm.registrations)} registrations to one cohort of ${n(storm.capacity)} places, ${storm.concurrency} in flight):\n`,
  );
  const header = [
    'registrations/s',
    'wall s',
    'p50 ms',
    'p99 ms',
    'max ms',
    'SQL/reg',
    'lock waiters',
    'lock held p50 / p90 ms',
    'confirmed',
    'waitlisted',
    'server CPU',
    'server RSS',
    'errors',
  ];
  const cells = [
    storm.registrationsPerSecond.toFixed(1),
    storm.wallSeconds.toFixed(2),
    String(storm.latencyP50Ms),
    String(storm.latencyP99Ms),
    String(storm.latencyMaxMs),
    storm.sqlStatements ? formatRange(storm.sqlStatements) : 'n/a',
    String(storm.peakLockWaiters),
    storm.lockHeldMs ? `${storm.lockHeldMs.p50} / ${storm.lockHeldMs.p90}` : 'n/a',
    String(storm.check.rows.confirmed),
    String(storm.check.rows.waitlisted),
    storm.serverCpuPercent === null ? 'n/a' : `${storm.serverCpuPercent} %`,
    formatMb(storm.serverPeakRssMb),
    String(storm.errors),
  ];
  console.log(table(header, [cells]));
  console.log(
    '(wall s: first request sent to last answer read; lock waiters: most database sessions seen waiting for a lock at once; ' +
      'server CPU: the API process during the storm, 100 % = one core)',
  );
  for (const error of storm.firstErrors) console.log(`  error: ${error}`);
  const { floor } = storm;
  if (floor) {
    console.log(
      `\nThe floor, a plain pg script on ${floor.connections} connections (a conditional counter update and an insert per registration, ` +
        `${n(floor.registrations)} people, ${floor.concurrency} in flight): ${floor.registrationsPerSecond.toFixed(1)} registrations/s ` +
        `(${floor.wallSeconds.toFixed(2)} s), lock held p50 ${floor.lockHeldMs.p50} ms / p90 ${floor.lockHeldMs.p90} ms, ` +
        `${floor.confirmed} confirmed and ${floor.waitlisted} waitlisted.`,
    );
    console.log(
      `The API against the floor: ${(storm.registrationsPerSecond / floor.registrationsPerSecond).toFixed(2)}× its registrations/s` +
        (storm.lockHeldMs ? `, ${(storm.lockHeldMs.p50 / floor.lockHeldMs.p50).toFixed(1)}× its median lock hold.` : '.'),
    );
  }
  const { rows, waitlistPositions: positions } = storm.check;
  if (storm.check.passed) {
    console.log(
      `\nChecked in the database: ${rows.confirmed} confirmed for ${storm.capacity} places, ${rows.waitlisted} waitlisted at positions ` +
        `${positions.min ?? '-'}–${positions.max ?? '-'} without gaps or repeats, ${n(rows.distinctPeople)} different people, the offering's counters equal the rows, ` +
        'and every answer agrees with its row.',
    );
    console.log('overbooked: no');
    return;
  }
  const banner = '!'.repeat(78);
  console.log(`\n${banner}\nREGISTRATION STORM CHECK FAILED (cohort "${storm.cohortName}")`);
  for (const failure of storm.check.failures) console.log(`  ✗ ${failure}`);
  console.log(`overbooked: ${storm.check.overbooked ? 'YES' : 'no'}\n${banner}`);
}

export function printServerSummary(server: { startupRssMb: number | null; peakRssMb: number | null; machine: string }): void {
  console.log(`\nAPI server memory: peak RSS ${formatMb(server.peakRssMb)} (after start-up ${formatMb(server.startupRssMb)})`);
  console.log(`Machine: ${server.machine}\n`);
}

/** The side-by-side table of the API and PostGraphile; `{ __typename }` (each server's fixed cost) is its first row. */
export function printPeerTable(results: PeerScenarioResult[], settings: { seconds: number; rounds: number; connections: number }): void {
  if (results.length === 0) return;
  const both = (api: string, peer: string | null) => (peer === null ? api : `${api} / ${peer}`);
  const header = [
    'scenario',
    'API req/s',
    'peer req/s',
    'ratio (rounds)',
    'p50 ms API / peer',
    'SQL/req API / peer',
    'peak RSS API / peer',
    'SQL floor ms',
    '1 req ms API / peer',
    'same answers',
  ];
  const rows = results.map((r) => [
    r.connections === settings.connections ? r.title : `${r.title} [${r.connections} conn., ${r.secondsPerRound} s]`,
    `${r.api.requestsPerSecond.toFixed(1)}`,
    r.peer ? r.peer.requestsPerSecond.toFixed(1) : 'n/a',
    r.ratio ? `${r.ratio.overall.toFixed(2)} (${r.ratio.min.toFixed(2)}–${r.ratio.max.toFixed(2)})` : 'n/a',
    both(String(r.api.latencyP50Ms), r.peer ? String(r.peer.latencyP50Ms) : null),
    both(formatRange(r.api.sqlStatements), r.peer ? formatRange(r.peer.sqlStatements) : null),
    both(formatMb(r.api.peakRssMb), r.peer ? formatMb(r.peer.peakRssMb) : null),
    r.sqlFloorMs === null ? '-' : r.sqlFloorMs.toFixed(2),
    both(String(r.api.singleRequestMs), r.peer ? String(r.peer.singleRequestMs) : null),
    r.sameAnswers === null ? 'n/a' : r.sameAnswers ? 'yes' : 'NO',
  ]);
  console.log(
    `\nThe API against PostGraphile (${settings.rounds} alternating rounds of ${settings.seconds} s per side and scenario, ${settings.connections} connections):\n`,
  );
  console.log(table(header, rows));
  console.log(
    "(ratio: API req/s over the peer's, all rounds, and the lowest–highest of the rounds; SQL floor: median of one hand-written " +
      'statement reading the same data; 1 req ms: median of single requests on an idle server; peak RSS: highest sample during the scenario)',
  );
  for (const r of results) {
    if (r.mismatch) console.log(`  ✗ ${r.title}: answers differ: ${r.mismatch}`);
    const failures = [r.api, r.peer].filter((side) => side && (side.non2xx > 0 || side.errors > 0));
    if (failures.length > 0) console.log(`  ✗ ${r.title}: non-2xx or errors under load`);
  }
}
