import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A finished child process: exit code, wall time, peak resident memory, and the end of its stderr. */
export interface Measured {
  readonly code: number | null;
  readonly ms: number;
  /** Peak RSS in bytes (the whole process, worker threads included); undefined where it cannot be read. */
  readonly peakRss: number | undefined;
  readonly stderr: string;
  /** How the peak was read. */
  readonly rssSource: '/usr/bin/time' | '/proc VmHWM' | 'none';
}

const TIME = '/usr/bin/time';

/** VmHWM (the kernel's high-water mark of the process's resident set) in bytes, if readable. */
function vmHwm(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs `command args` with stdout sent to /dev/null (as `> /dev/null` would) and times it. The peak
 * RSS comes from GNU time (`/usr/bin/time -f %M`, the maximum resident set of the process, which its
 * worker threads share) where installed; otherwise from polling `/proc/<pid>/status` VmHWM, a
 * high-water mark, so a poll every 20 ms loses at most the last moments of the run.
 */
export async function measureProcess(command: string, args: readonly string[], cwd: string): Promise<Measured> {
  const useTime = existsSync(TIME);
  const rssFile = join(tmpdir(), `petition-rules-bench-rss-${process.pid}.txt`);
  const argv = useTime ? ['-f', '%M', '-o', rssFile, command, ...args] : [...args];
  const devNull = openSync('/dev/null', 'w');
  const started = performance.now();
  const child = spawn(useTime ? TIME : command, argv, { cwd, stdio: ['ignore', devNull, 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  let polled: number | undefined;
  const poll = useTime ? undefined : setInterval(() => {
    polled = Math.max(polled ?? 0, vmHwm(child.pid!) ?? 0) || polled;
  }, 20);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (c) => resolve(c));
  });
  const ms = performance.now() - started;
  if (poll) clearInterval(poll);
  closeSync(devNull);
  let peakRss = polled;
  if (useTime && existsSync(rssFile)) {
    const kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
    rmSync(rssFile, { force: true });
    peakRss = Number.isFinite(kb) ? kb * 1024 : undefined;
  }
  return { code, ms, peakRss, stderr, rssSource: useTime ? TIME : peakRss === undefined ? 'none' : '/proc VmHWM' };
}
