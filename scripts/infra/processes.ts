/**
 * Process helpers shared by the embedded servers (PostgreSQL, Kafka): liveness checks and
 * escalating shutdown by pid, owner files that tell a crashed run's orphan from a server another
 * run is using, pid-tagged temp dirs, and line-by-line capture of a server's output.
 *
 * Everything works on bare pids rather than ChildProcess handles because the processes of
 * interest are often not our children: they were left behind by an earlier run.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Sends `sig` to `pid`, ignoring a process that is already gone (there is nothing left to stop). */
export function sendSignal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // Already gone: nothing to stop.
  }
}

/** True if `pid` runs (zombies count as dead: an orphan's reaper may be slow or absent). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user (e.g. Postgres run as `postgres`).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // Field 3 of /proc/<pid>/stat is the state; the command name before it may contain spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // No procfs (e.g. macOS): trust kill(0).
  }
}

/**
 * True if `pid` is alive and its command line contains every one of `commandParts`, so that a
 * recycled pid now belonging to something else (common in containers, where pids restart from 1)
 * is not mistaken for the server. Without procfs (e.g. macOS) the command line is unknown and
 * only liveness counts.
 */
export function isRunningCommand(pid: number, commandParts: readonly string[]): boolean {
  if (!isAlive(pid)) return false;
  const cmdline = processCommandLine(pid);
  return cmdline === undefined || commandParts.every((part) => cmdline.includes(part));
}

/** The process's command line, or undefined where procfs is unavailable. */
function processCommandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return undefined;
  }
}

/**
 * Resolves true once `pid` has exited, or false after `timeoutMs`. Polls, because a process that
 * is not our child gives no exit event to wait for.
 */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/** One step of an escalating shutdown: send `signal`, then allow `waitMs` for the process to exit. */
export type ShutdownStep = readonly [signal: NodeJS.Signals, waitMs: number];

/**
 * Walks `steps` (e.g. a graceful signal, then SIGKILL) until `pid` has exited. Resolves true once
 * it is gone, false if it outlived every step; what that means is up to the caller.
 */
export async function signalUntilExit(pid: number, steps: readonly ShutdownStep[]): Promise<boolean> {
  for (const [sig, waitMs] of steps) {
    if (!isAlive(pid)) return true;
    sendSignal(pid, sig);
    if (await waitForExit(pid, waitMs)) return true;
  }
  return false;
}

/** Contents of an owner file; fields are absent when the file is missing or malformed. */
export interface OwnerRecord {
  /** The Node process that started the server. */
  ownerPid?: number;
  /** The server process itself. */
  serverPid?: number;
}

/**
 * Records that this Node process started the server `serverPid`, so that a later run can tell an
 * orphan (its owner is gone, e.g. SIGKILLed before its 'exit' hook ran) from a server that another
 * live run is using. `serverKey` names the server's field in the JSON; each server keeps its own
 * name so that owner files left by earlier runs are still understood.
 */
export async function writeOwnerFile(file: string, serverKey: string, serverPid: number): Promise<void> {
  await writeFile(file, JSON.stringify({ ownerPid: process.pid, [serverKey]: serverPid }));
}

/** Reads a file written by {@link writeOwnerFile}; missing or unreadable files yield an empty record. */
export async function readOwnerFile(file: string, serverKey: string): Promise<OwnerRecord> {
  const parsed: unknown = await readFile(file, 'utf8')
    .then((text) => JSON.parse(text) as unknown)
    .catch(() => undefined);
  if (typeof parsed !== 'object' || parsed === null) return {};
  const fields = parsed as Record<string, unknown>;
  const pidField = (value: unknown) => (typeof value === 'number' ? value : undefined);
  return { ownerPid: pidField(fields.ownerPid), serverPid: pidField(fields[serverKey]) };
}

/**
 * Returns a fresh, not yet created path `<parent>/<prefix><pid>-<random>` for work that is renamed
 * into place once complete. First removes the `<prefix><pid>-…` entries of `parent` whose process
 * is gone: the pid in the name is what tells a run killed midway from one still at work.
 */
export async function freshTempDir(parent: string, prefix: string): Promise<string> {
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d+)-/.exec(name.slice(prefix.length));
    if (match && !isAlive(Number(match[1]))) await rm(path.join(parent, name), { recursive: true, force: true });
  }
  return path.join(parent, `${prefix}${process.pid}-${randomBytes(4).toString('hex')}`);
}

/**
 * Reassembles output chunks (which may split lines anywhere) into lines for `log`, keeping the
 * last few for error messages.
 */
export class OutputSink {
  private readonly recent: string[] = [];
  private partial = '';
  private emitted = 0;

  constructor(private readonly log: (line: string) => void) {}

  /** Accepts a raw chunk; only complete lines are emitted until {@link flush}. */
  write(chunk: string): void {
    const lines = (this.partial + chunk).split(/\r?\n/);
    this.partial = lines.pop() ?? '';
    for (const line of lines) this.emit(line);
  }

  /** Emits a message that is complete on its own. */
  line(message: string): void {
    this.flush();
    for (const line of message.split(/\r?\n/)) this.emit(line);
  }

  /** Emits a trailing partial line, e.g. once the process has exited. */
  flush(): void {
    if (this.partial !== '') this.emit(this.partial);
    this.partial = '';
  }

  /** The last lines retained, for error messages. */
  tail(): string {
    this.flush();
    return this.recent.join('\n');
  }

  /** A position in the output, for {@link since}. */
  mark(): number {
    this.flush();
    return this.emitted;
  }

  /** The retained lines emitted after `mark`. */
  since(mark: number): string[] {
    this.flush();
    return this.recent.slice(Math.max(0, this.recent.length - (this.emitted - mark)));
  }

  private emit(raw: string): void {
    // Some tools emit colour codes even when piped (Maven does in batch mode); they are noise in
    // logs and error messages.
    // eslint-disable-next-line no-control-regex -- ESC is exactly what is matched
    const line = raw.replace(/\x1b\[[0-9;]*m/g, '').trimEnd();
    if (line === '') return;
    this.emitted++;
    this.recent.push(line);
    if (this.recent.length > 40) this.recent.shift();
    this.log(line);
  }
}
