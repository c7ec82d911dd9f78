import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, release, totalmem, type as osType } from 'node:os';

/** The machine a bench ran on, as docs/performance.md prints it next to the figures. */
export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly ramGiB: number;
  readonly node: string;
  readonly os: string;
}

function cpuModel(): string {
  if (existsSync('/proc/cpuinfo')) {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match) return match[1]!.trim();
  }
  return cpus()[0]?.model.trim() ?? 'unknown CPU';
}

function osName(): string {
  if (existsSync('/etc/os-release')) {
    const match = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'));
    if (match) return `${match[1]}, ${osType()} ${release()}`;
  }
  return `${osType()} ${release()}`;
}

export function machine(): Machine {
  return {
    cpu: cpuModel(),
    cores: availableParallelism(),
    ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: osName(),
  };
}

export const describeMachine = (m: Machine): string => `${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, Node ${m.node}, ${m.os}`;
