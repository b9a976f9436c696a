/**
 * Keeps one OS process running for the local stack: restarts it after any exit with a capped,
 * jittered exponential backoff (the consumers' policy, so a crash loop never spins), passes its
 * output on line by line, and stops it with SIGTERM, then SIGKILL after a bounded wait.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { backoffDelay, type BackoffPolicy } from '@eq/subscriber-kit';
import { OutputSink, signalUntilExit } from '../infra/processes';

export interface SupervisedProcessOptions {
  /** Names the process in notices (e.g. `licensing`). */
  name: string;
  command: string;
  args: readonly string[];
  /** The child's whole environment: nothing else is inherited. */
  env: Record<string, string>;
  cwd?: string;
  /** Receives every line the child writes (stdout and stderr) and the supervisor's notices. */
  log: (line: string) => void;
  /** Delay before a restart; default 500 ms doubling up to 10 s. */
  backoff?: BackoffPolicy;
  /** A run at least this long counts as healthy: the next crash starts the backoff afresh. Default 30 s. */
  stableAfterMs?: number;
  /** How long a stopped child may take after SIGTERM before SIGKILL. Default 10 s. */
  stopTimeoutMs?: number;
  /** Jitter source, for tests that check the delays. */
  random?: () => number;
}

/** One exit of the child, as the supervisor saw it. */
export interface ProcessExit {
  pid: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The delay before the restart, or undefined when the exit was asked for by `stop`. */
  restartInMs?: number;
}

export const DEFAULT_PROCESS_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 10_000 };

/** A process kept running until {@link SupervisedProcess.stop}. */
export class SupervisedProcess {
  /** Every exit so far, oldest first. */
  readonly exits: ProcessExit[] = [];
  private child?: ChildProcess;
  private exited?: Promise<void>;
  private restartTimer?: NodeJS.Timeout;
  private failures = 0;
  private restarted = 0;
  private stopping = false;

  constructor(private readonly options: SupervisedProcessOptions) {}

  /** Starts the first run. */
  start(): this {
    this.spawnChild();
    return this;
  }

  /** The running child's pid; undefined while waiting to restart or once stopped. */
  pid(): number | undefined {
    return this.child?.pid;
  }

  /** How many times the child has been started again after an exit it was not asked for. */
  get restarts(): number {
    return this.restarted;
  }

  /** Stops the child (SIGTERM, then SIGKILL after `stopTimeoutMs`) and never restarts it. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const pid = this.child?.pid;
    if (pid === undefined) return;
    const stopTimeoutMs = this.options.stopTimeoutMs ?? 10_000;
    if (
      !(await signalUntilExit(pid, [
        ['SIGTERM', stopTimeoutMs],
        ['SIGKILL', 5_000],
      ]))
    ) {
      this.notice(`pid ${pid} outlived SIGKILL`);
    }
    // The exit event comes after the pid is gone; waiting for it flushes the last output.
    await this.exited;
  }

  private spawnChild(): void {
    const { options } = this;
    const startedAt = Date.now();
    // A process group of its own: Ctrl-C in a terminal signals the whole foreground group, and a
    // child that got SIGINT from the terminal and then SIGTERM from `stop` would take the second
    // signal as "exit now". Only the supervisor decides when and how its children stop.
    const child = spawn(options.command, [...options.args], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    this.child = child;
    const sink = new OutputSink(options.log);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => sink.write(chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => sink.write(chunk));
    // In its own process group the child would outlive a supervisor that exits without stopping
    // it (an uncaught error, a second Ctrl-C); 'exit' handlers must be synchronous, so signal only.
    const onSupervisorExit = () => child.kill('SIGTERM');
    process.on('exit', onSupervisorExit);
    this.exited = new Promise((resolve) => {
      // 'close' rather than 'exit': it comes once the output pipes are drained too.
      child.once('close', (code, signal) => {
        process.off('exit', onSupervisorExit);
        sink.flush();
        this.onExit(child.pid ?? -1, code, signal, Date.now() - startedAt);
        resolve();
      });
    });
    child.once('error', (error) => this.notice(`could not start: ${error.message}`));
    if (child.pid !== undefined) this.notice(`started, pid ${child.pid}`);
  }

  private onExit(pid: number, code: number | null, signal: NodeJS.Signals | null, ranForMs: number): void {
    this.child = undefined;
    const how = signal ? `killed by ${signal}` : `exited with code ${code}`;
    if (this.stopping) {
      this.exits.push({ pid, code, signal });
      this.notice(`pid ${pid} ${how} (stopped)`);
      return;
    }
    this.failures = ranForMs >= (this.options.stableAfterMs ?? 30_000) ? 1 : this.failures + 1;
    const restartInMs = backoffDelay(this.options.backoff ?? DEFAULT_PROCESS_BACKOFF, this.failures, this.options.random);
    this.exits.push({ pid, code, signal, restartInMs });
    this.notice(`pid ${pid} ${how} after ${ranForMs} ms; restarting in ${restartInMs} ms`);
    this.restartTimer = setTimeout(() => {
      if (this.stopping) return;
      this.restarted += 1;
      this.spawnChild();
    }, restartInMs);
  }

  private notice(message: string): void {
    this.options.log(`[supervisor ${new Date().toISOString()}] ${message}`);
  }
}
