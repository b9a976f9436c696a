import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { accessSync, constants, createWriteStream } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { freePort } from './freePort';
import { OutputSink, freshTempDir, isAlive, isRunningCommand, readOwnerFile, signalUntilExit, writeOwnerFile } from './processes';

/** Options for {@link resolveKafkaJars}. */
export interface ResolveKafkaJarsOptions {
  /** Directory that holds resolved jar sets; created if missing. */
  cacheDir: string;
  /** Maven pom whose runtime dependencies are the broker's classpath (infra/kafka/pom.xml). */
  pomPath: string;
  /** Receives Maven's output line by line; discarded by default. */
  log?: (line: string) => void;
}

/** Options for {@link startKafkaBroker}. */
export interface KafkaBrokerOptions {
  /** Directory of broker jars, as returned by {@link resolveKafkaJars}. */
  libsDir: string;
  /** Holds server.properties, the KRaft logs and broker.log; formatted on first use, reused afterwards. */
  dataDir: string;
  /** PLAINTEXT (client) port on 127.0.0.1; defaults to a free port. */
  port?: number;
  /** CONTROLLER (KRaft quorum) port on 127.0.0.1; defaults to a free port. */
  controllerPort?: number;
  /** JVM max heap in MB; defaults to 512. */
  heapMb?: number;
  /** Receives the broker's output line by line (it is also written to `<dataDir>/broker.log`). */
  log?: (line: string) => void;
}

/** A running single-node Kafka broker. */
export interface KafkaBroker {
  /** Bootstrap addresses for kafkajs, e.g. `['127.0.0.1:40123']`. */
  brokers: string[];
  /** The broker JVM's pid (fault tests pause and kill it by pid). */
  pid: number;
  /** Graceful shutdown (SIGTERM, then SIGKILL if it hangs); safe to call more than once. */
  stop(): Promise<void>;
}

/** Bump when the Maven invocation changes in a way that alters the resolved jar set. */
const RESOLVE_RECIPE = 'copy-dependencies/runtime/v1';
const MARKER_FILE = '.pom-sha256';

/**
 * Resolves the broker's jars from Maven Central into `<cacheDir>/libs-<pom hash>` and returns that
 * directory. Maven runs only when no directory for the current pom content exists yet, so editing
 * the pom triggers a fresh resolution while repeated starts cost nothing.
 *
 * Jars are resolved into a private temp dir that is renamed into place, so a concurrent process
 * (or one killed mid-download) never observes a partial jar set: the loser of a race simply
 * discards its copy. Directories for older pom versions are left alone because a running broker
 * may still be loading classes from them.
 */
export async function resolveKafkaJars(opts: ResolveKafkaJarsOptions): Promise<string> {
  const log = opts.log ?? (() => undefined);
  const cacheDir = path.resolve(opts.cacheDir);
  const pomPath = path.resolve(opts.pomPath);
  const hash = createHash('sha256')
    .update(RESOLVE_RECIPE)
    .update(await readFile(pomPath))
    .digest('hex');
  const libsDir = path.join(cacheDir, `libs-${hash.slice(0, 16)}`);

  if (await hasMarker(libsDir, hash)) return libsDir;

  await mkdir(cacheDir, { recursive: true });
  // Also removes the temp dirs of runs killed mid-download.
  const tempDir = await freshTempDir(cacheDir, '.tmp-');
  try {
    log(`resolving Kafka jars from ${pomPath} with Maven`);
    const args = ['-q', '-B', '-f', pomPath, 'dependency:copy-dependencies', `-DoutputDirectory=${tempDir}`, '-DincludeScope=runtime'];
    await run('mvn', args, log);
    const jars = (await readdir(tempDir).catch(() => [] as string[])).filter((name) => name.endsWith('.jar'));
    if (!jars.some((name) => name.startsWith('kafka_'))) {
      throw new Error(`Maven finished but ${tempDir} holds no kafka_*.jar (got ${jars.length} jars)`);
    }
    // The marker goes in before the rename, so a libs dir that exists is always complete.
    await writeFile(path.join(tempDir, MARKER_FILE), hash);
    await rename(tempDir, libsDir).catch(async (error: NodeJS.ErrnoException) => {
      if (await hasMarker(libsDir, hash)) return; // A concurrent resolver got there first.
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
      // Populated but unmarked: debris from tampering, not a usable jar set. Replace it.
      await rm(libsDir, { recursive: true, force: true });
      await rename(tempDir, libsDir);
    });
    log(`resolved ${jars.length} jars into ${libsDir}`);
    return libsDir;
  } finally {
    await rm(tempDir, { recursive: true, force: true });
  }
}

async function hasMarker(libsDir: string, hash: string): Promise<boolean> {
  return (await readFile(path.join(libsDir, MARKER_FILE), 'utf8').catch(() => '')) === hash;
}

const DEFAULT_HEAP_MB = 512;
const READY_DEADLINE_MS = 60_000;
const STOP_GRACE_MS = 20_000;
/** Records which Node process owns the JVM, so a later run can recognise a crashed run's orphan. */
const OWNER_FILE = 'broker.owner.json';
/** The JVM's field in {@link OWNER_FILE}. */
const OWNER_SERVER_KEY = 'jvmPid';
const NODE_ID = 1;

/**
 * Starts a single-node Kafka broker (KRaft, combined broker+controller) on 127.0.0.1 from jars
 * resolved by {@link resolveKafkaJars}, and resolves once the broker answers a metadata request.
 * `dataDir` is formatted on first use and reused afterwards; ports may differ between runs because
 * they live only in server.properties, which is rewritten on every start.
 *
 * The JVM is stopped when this Node process exits, and (on Linux) also when it is killed outright,
 * so crashed tests do not leave brokers behind.
 */
export async function startKafkaBroker(opts: KafkaBrokerOptions): Promise<KafkaBroker> {
  const dataDir = path.resolve(opts.dataDir);
  const log = opts.log ?? (() => undefined);
  const output = new OutputSink(log);
  await mkdir(dataDir, { recursive: true });
  await stopOrphanedBroker(dataDir, output);

  const logDir = path.join(dataDir, 'kraft-logs');
  const serverProperties = path.join(dataDir, 'server.properties');
  const log4jProperties = path.join(dataDir, 'log4j.properties');
  await writeFile(log4jProperties, LOG4J_PROPERTIES);
  const heapMb = opts.heapMb ?? DEFAULT_HEAP_MB;
  const jvmArgs = [
    `-Xmx${heapMb}m`,
    `-Xms${Math.min(heapMb, 128)}m`,
    // A single-threaded collector and C1-only JIT keep a dev broker light on a 2-core machine and
    // cut startup from ~4.4 s to ~2.8 s here; peak throughput is irrelevant for development.
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    '-XX:+ExitOnOutOfMemoryError',
    '-Djava.awt.headless=true',
    `-Dlog4j.configuration=file:${log4jProperties}`,
    '-cp',
    `${path.resolve(opts.libsDir)}/*`,
  ];

  const portsArePicked = opts.port === undefined && opts.controllerPort === undefined;
  for (let attempt = 1; ; attempt++) {
    const port = opts.port ?? (await freePort());
    let controllerPort = opts.controllerPort ?? (await freePort());
    // The kernel may hand the same ephemeral port out twice in a row once the first is released.
    while (opts.controllerPort === undefined && controllerPort === port) controllerPort = await freePort();
    await writeFile(serverProperties, renderServerProperties({ port, controllerPort, logDir }));

    if (!(await fileExists(path.join(logDir, 'meta.properties')))) {
      const clusterId = await stableClusterId(dataDir);
      output.line(`formatting KRaft storage in ${logDir} for cluster ${clusterId}`);
      const formatArgs = ['kafka.tools.StorageTool', 'format', `--cluster-id=${clusterId}`, '-c', serverProperties, '--ignore-formatted'];
      await run(javaBinary(), [...jvmArgs, ...formatArgs], (line) => output.line(line));
    }

    try {
      return await launchBroker({ dataDir, jvmArgs, serverProperties, port, log });
    } catch (error) {
      // A picked port can be taken (e.g. as the local port of some outgoing connection) in the
      // second or so before the JVM binds it; picking again is the whole fix.
      const portTaken = error instanceof Error && error.message.includes('Address already in use');
      if (!(portsArePicked && portTaken && attempt < 3)) throw error;
      output.line(`port ${port} or ${controllerPort} was taken before the broker bound it; retrying`);
    }
  }
}

/** Spawns the broker JVM and waits until it serves requests; on failure it is stopped again. */
async function launchBroker(p: {
  dataDir: string;
  jvmArgs: string[];
  serverProperties: string;
  port: number;
  log: (line: string) => void;
}): Promise<KafkaBroker> {
  const { dataDir } = p;
  const output = new OutputSink(p.log);
  const logFile = createWriteStream(path.join(dataDir, 'broker.log'), { flags: 'w' });
  const [command, args] = withParentDeathSignal(javaBinary(), [...p.jvmArgs, 'kafka.Kafka', p.serverProperties]);
  // Own process group: a Ctrl-C in the terminal must reach the app first so it can stop its
  // consumers before the broker goes away; the app (or the hooks below) then stop the broker.
  const jvm = spawn(command, args, { cwd: dataDir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<string>((resolve) => {
    jvm.once('error', (error) => resolve(`could not be spawned: ${error.message}`));
    jvm.once('exit', (code, sig) => resolve(`exited with ${sig ?? `code ${code}`}`));
  });
  for (const stream of [jvm.stdout, jvm.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      logFile.write(chunk);
      output.write(chunk);
    });
  }
  void exited.then(() => {
    output.flush();
    logFile.end();
  });

  // 'exit' handlers must be synchronous: signal and let the JVM shut down on its own.
  const onExit = () => jvm.kill('SIGTERM');
  process.on('exit', onExit);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      process.off('exit', onExit);
      await terminate(jvm, exited);
      await rm(path.join(dataDir, OWNER_FILE), { force: true });
    })();
    return stopping;
  };

  const brokers = [`127.0.0.1:${p.port}`];
  try {
    if (jvm.pid !== undefined) {
      await writeOwnerFile(path.join(dataDir, OWNER_FILE), OWNER_SERVER_KEY, jvm.pid);
    }
    await waitUntilReady(brokers, exited);
  } catch (error) {
    await stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Kafka broker in ${dataDir} ${reason}; see ${dataDir}/broker.log:\n${output.tail()}`, { cause: error });
  }
  return { brokers, pid: jvm.pid!, stop };
}

/**
 * Polls with a real client request instead of sleeping: the broker only serves requests once it
 * has registered with its controller and been unfenced, so an answer means it is usable.
 */
async function waitUntilReady(brokers: string[], exited: Promise<string>): Promise<void> {
  let exitReason: string | undefined;
  void exited.then((reason) => (exitReason = reason));
  const kafka = new Kafka({
    clientId: 'kafka-broker-readiness',
    brokers,
    // Refused connections are expected while the JVM boots; failures are reported below instead.
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
    connectionTimeout: 1_000,
    requestTimeout: 2_000,
  });
  const deadline = Date.now() + READY_DEADLINE_MS;
  let lastError = 'no attempt made';
  while (Date.now() < deadline) {
    if (exitReason !== undefined) throw new Error(exitReason);
    const admin = kafka.admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      if (cluster.brokers.some((broker) => broker.nodeId === NODE_ID)) return;
      lastError = 'broker not yet registered';
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 100))]);
  }
  throw new Error(`did not answer within ${READY_DEADLINE_MS} ms (last error: ${lastError})`);
}

/** SIGTERM lets Kafka flush and close its logs cleanly; SIGKILL only if that hangs. */
async function terminate(jvm: ChildProcess, exited: Promise<string>): Promise<void> {
  if (jvm.exitCode !== null || jvm.signalCode !== null || jvm.pid === undefined) return;
  jvm.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), STOP_GRACE_MS)));
  const hung = await Promise.race([exited.then(() => false), timedOut]);
  clearTimeout(timer);
  if (hung) {
    jvm.kill('SIGKILL');
    await exited;
  }
}

/**
 * Handles a JVM left on `dataDir` by an earlier run. Its owning Node process being gone means it
 * is an orphan (e.g. still finishing its shutdown after the owner exited, or the owner was
 * SIGKILLed where no parent-death signal exists): stop it, since it holds the log dir lock.
 * A live owner means another run is using the dir, which is an error.
 */
async function stopOrphanedBroker(dataDir: string, output: OutputSink): Promise<void> {
  const { ownerPid, serverPid: jvmPid } = await readOwnerFile(path.join(dataDir, OWNER_FILE), OWNER_SERVER_KEY);
  // A dead pid is nothing to stop, and a recycled one belonging to something else is not ours to kill.
  if (jvmPid === undefined || !isRunningCommand(jvmPid, ['kafka.Kafka', dataDir])) return;
  if (ownerPid !== undefined && isAlive(ownerPid)) {
    throw new Error(`Kafka data dir ${dataDir} is already in use by broker ${jvmPid} (started by process ${ownerPid})`);
  }
  output.line(`stopping orphaned Kafka broker ${jvmPid} left running by a previous run`);
  await signalUntilExit(jvmPid, [
    ['SIGTERM', STOP_GRACE_MS],
    ['SIGKILL', 5_000],
  ]);
}

/**
 * The cluster id is written before formatting and reused, so an interrupted format (or a wiped
 * kraft-logs dir) is redone with the same id rather than a new one.
 */
async function stableClusterId(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'cluster.id');
  const existing = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (existing !== '') return existing;
  // Kafka cluster ids are 16 random bytes in unpadded URL-safe base64 (what `kafka-storage random-uuid` prints).
  // Like Kafka's own Uuid.randomUuid, never start with '-': the CLI would read it as an option.
  let id: string;
  do id = randomBytes(16).toString('base64url');
  while (id.startsWith('-'));
  await writeFile(file, id);
  return id;
}

function renderServerProperties(p: { port: number; controllerPort: number; logDir: string }): string {
  return `# Written by kafkaBroker.ts on every start; edits are overwritten.
process.roles=broker,controller
node.id=${NODE_ID}
controller.quorum.voters=${NODE_ID}@127.0.0.1:${p.controllerPort}
listeners=PLAINTEXT://127.0.0.1:${p.port},CONTROLLER://127.0.0.1:${p.controllerPort}
advertised.listeners=PLAINTEXT://127.0.0.1:${p.port}
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
log.dirs=${p.logDir}

# One node: every internal topic must make do with a single replica, and the default 50
# partitions per internal topic would just be 50 more log dirs to create and load on each start.
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1

# Topics are declared by the services; a typo must fail instead of creating a topic.
auto.create.topics.enable=false
num.partitions=3
# Tests create fresh consumer groups constantly; the default 3 s join delay would dominate them.
group.initial.rebalance.delay.ms=0

# Modest thread pools for a 2-core development machine.
num.network.threads=2
num.io.threads=4
`;
}

const LOG4J_PROPERTIES = `# Written by kafkaBroker.ts: warnings and errors only, to stdout (captured into broker.log).
log4j.rootLogger=WARN, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
`;

function javaBinary(): string {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

/**
 * On Linux, wraps the command in `setpriv --pdeathsig SIGTERM` so the kernel signals the JVM when
 * this process dies for any reason, including SIGKILL, where no 'exit' handler runs. setpriv
 * execs the command, so the child's pid stays the JVM's pid.
 */
function withParentDeathSignal(command: string, args: string[]): [string, string[]] {
  if (process.platform !== 'linux') return [command, args];
  const setpriv = (process.env.PATH ?? '')
    .split(path.delimiter)
    .map((dir) => path.join(dir, 'setpriv'))
    .find((candidate) => {
      try {
        accessSync(candidate, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
  return setpriv ? [setpriv, ['--pdeathsig', 'SIGTERM', command, ...args]] : [command, args];
}

/** Runs a short-lived command, streaming its output to `log`; rejects with the output tail on failure. */
async function run(command: string, args: string[], log: (line: string) => void): Promise<void> {
  const output = new OutputSink(log);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => output.write(chunk));
  }
  await new Promise<void>((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === 'ENOENT' ? `${command} not found on PATH` : `${command}: ${error.message}`)),
    );
    child.once('close', (code, sig) => {
      output.flush();
      return code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.slice(-4).join(' ')} failed (${sig ?? `code ${code}`}):\n${output.tail()}`));
    });
  });
}

async function fileExists(file: string): Promise<boolean> {
  return readFile(file).then(
    () => true,
    () => false,
  );
}
