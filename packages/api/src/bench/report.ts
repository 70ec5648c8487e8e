import type { ScenarioResult } from './bench-queries.js';

export function formatMb(value: number | null): string {
  return value === null ? 'n/a' : `${value.toFixed(0)} MB`;
}

export function formatRange(range: { min: number; max: number }): string {
  return range.min === range.max ? String(range.min) : `${range.min}–${range.max}`;
}

function row(cells: string[], widths: number[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
}

/** The compact summary table printed at the end of a run. */
export function printTable(results: ScenarioResult[], server: { startupRssMb: number | null; peakRssMb: number | null; machine: string }): void {
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
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((cells) => (cells[i] ?? '').length)));
  const lines = [row(header, widths), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((cells) => row(cells, widths))];
  const connections = results[0]?.connections ?? 0;
  const duration = results[0] ? Math.round(results[0].durationSeconds) : 0;
  console.log(`\nResults (${duration} s per scenario, ${connections} connections):\n`);
  console.log(lines.join('\n'));
  console.log('(1 req ms: median of single requests on an idle server; server RSS: highest sample during the load)');
  console.log(`\nAPI server memory: peak RSS ${formatMb(server.peakRssMb)} (after start-up ${formatMb(server.startupRssMb)})`);
  console.log(`Machine: ${server.machine}\n`);
}
