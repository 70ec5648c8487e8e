import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface Machine {
  line: string;
  details: { cpu: string; cores: number; totalMemoryGb: number; node: string; platform: string };
}

function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match?.[1]) return match[1].trim();
  } catch {
    // not Linux
  }
  return os.cpus()[0]?.model.trim() ?? 'unknown CPU';
}

/** The CPU model, cores, memory and Node version the figures were measured on. */
export function describeMachine(): Machine {
  const details = {
    cpu: cpuModel(),
    cores: os.availableParallelism(),
    totalMemoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
  return {
    line: `${details.cpu}, ${details.cores} cores, ${details.totalMemoryGb} GB RAM, Node ${details.node}, ${details.platform}`,
    details,
  };
}
