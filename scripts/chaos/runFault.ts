import { Role } from '@eq/shared';
import { runBoundedLoad } from '../../test/support/boundedLoad';
import { eventually } from '../../test/support/eventually';
import { institutionInput, ISSUE_LICENCE, REGISTER } from '../../test/support/fixtures';
import { startProcessTestStack, type ProcessTestStack } from '../../test/support/processTestStack';
import type { Fault } from './faults';
import { measureConsistency, type Consistency } from './consistency';
import { ReadinessWatch } from './readinessWatch';

export interface LoadShape {
  /** Institutions registered (and known to licensing) before the fault: the licences' holders. */
  seed: number;
  registrations: number;
  licences: number;
  /** Requests in flight at most. */
  concurrency: number;
  /** Requests started per second at most, so the load spans the fault rather than racing ahead of it. */
  ratePerSecond: number;
}

export interface FaultResult {
  fault: string;
  /** Mutations sent during the run, and how many a client saw succeed. */
  sent: number;
  succeeded: number;
  /** Of those, answered while the fault lasted. */
  duringFault: number;
  consistency: Consistency;
  /** Seconds from the end of the fault (or of the load, if later) until everything agreed and was ready; undefined past the deadline. */
  convergedInSeconds?: number;
  processRestarts: number;
  consumerRestarts: number;
  /** Problems beyond the counts: readiness that did not go 503/200 as it should, the fault's own check. */
  problems: string[];
  logDir: string;
}

const CONVERGE_DEADLINE_MS = 60_000;

/** One fault on a fresh stack (`npm start`'s processes, embedded PostgreSQL and Kafka of its own), under load. */
export async function runFault(fault: Fault, load: LoadShape, note: (message: string) => void): Promise<FaultResult> {
  const stack = await startProcessTestStack(`chaos-${fault.name}`, { ownInfrastructure: true });
  try {
    return await underLoad(stack, fault, load, note);
  } finally {
    await stack.close();
  }
}

async function underLoad(stack: ProcessTestStack, fault: Fault, load: LoadShape, note: (message: string) => void): Promise<FaultResult> {
  const { client } = stack;
  const officer = await client.token({ role: Role.OFFICER, subject: 'chaos' });
  const register = async (name: string) =>
    (await client.data(REGISTER, { input: institutionInput({ name }) }, officer)).registerInstitution.institution as {
      id: string;
      implementationPlaces: Array<{ id: string }>;
    };

  const seeded = await runBoundedLoad(load.seed, load.concurrency, (i) => register(`Chaos sēkla ${i}`));
  const holders = seeded.flatMap((outcome) => (outcome.ok ? [outcome.value] : []));
  const knownToLicensing = async () =>
    Number((await stack.database('licensing').query('SELECT count(*)::int AS n FROM registry_institution')).rows[0].n);
  await eventually(knownToLicensing, (n) => n >= holders.length, { timeoutMs: 60_000, what: 'licensing to know the seeded institutions' });
  note(`seeded ${holders.length} institutions`);

  const watch = new ReadinessWatch(stack, Object.keys(stack.components));
  const total = load.registrations + load.licences;
  const startedAt = Date.now();
  let faultRun: Promise<void> | undefined;
  let faultWindow: { from: number; to?: number } | undefined;
  // Mutations a client saw succeed while the fault lasted: the fault must meet the load, not miss it.
  const duringFault = { institution: 0, licence: 0 };
  const startFault = () => {
    faultWindow = { from: Date.now() };
    faultRun = fault.inject({ stack, note }).finally(() => {
      faultWindow!.to = Date.now();
    });
  };
  // Licences spread evenly through the load rather than in a block.
  const isLicence = (i: number) => Math.floor(((i + 1) * load.licences) / total) > Math.floor((i * load.licences) / total);
  const outcomes = await runBoundedLoad(
    total,
    load.concurrency,
    async (i) => {
      const due = startedAt + (i * 1000) / load.ratePerSecond;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      const answered = <T extends { kind: 'institution' | 'licence' }>(outcome: T) => {
        if (faultWindow && faultWindow.to === undefined) duringFault[outcome.kind] += 1;
        return outcome;
      };
      if (!isLicence(i)) return answered({ kind: 'institution' as const, id: (await register(`Chaos skola ${i}`)).id });
      // A programme of its own: a programme is licensed once per place.
      const holder = holders[i % holders.length]!;
      const input = {
        institutionId: holder.id,
        implementationPlaceId: holder.implementationPlaces[0]!.id,
        programmeCode: `2101${String(i).padStart(4, '0')}`,
        programmeName: 'Pamatizglītība',
        level: 'BASIC',
        decisionNumber: `CHAOS-${i}`,
        issuedOn: '2024-09-01',
      };
      return answered({
        kind: 'licence' as const,
        id: (await client.data(ISSUE_LICENCE, { input }, officer)).issueLicence.licence.id as string,
      });
    },
    (settled) => {
      if (settled === Math.ceil(total / 10)) startFault();
    },
  );
  await faultRun;
  const calmFrom = Math.max(Date.now(), faultWindow!.to!);
  note(`load done: ${outcomes.filter((o) => o.ok).length} of ${total} succeeded in ${((Date.now() - startedAt) / 1000).toFixed(0)} s`);
  note(
    `while the fault lasted (${((faultWindow!.to! - faultWindow!.from) / 1000).toFixed(0)} s): ${duringFault.institution} registrations and ${duringFault.licence} licence issues succeeded`,
  );

  const refusals = new Map<string, number>();
  for (const outcome of outcomes) {
    if (outcome.ok) continue;
    // Grouped by what went wrong: the request id makes every message unique.
    const key = outcome.error.replace(/,?"requestId":"[^"]*"/g, '').slice(0, 200);
    refusals.set(key, (refusals.get(key) ?? 0) + 1);
  }
  for (const [error, n] of refusals) note(`${n} × ${error}`);
  const succeeded = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.value] : []));
  const clientSaw = {
    institutions: [...holders.map((holder) => holder.id), ...succeeded.filter((o) => o.kind === 'institution').map((o) => o.id)],
    licences: succeeded.filter((o) => o.kind === 'licence').map((o) => o.id),
  };
  let consistency: Consistency;
  let convergedInSeconds: number | undefined;
  try {
    consistency = await eventually(
      () => measureConsistency(stack, clientSaw),
      (found) => found.converged,
      { timeoutMs: CONVERGE_DEADLINE_MS, intervalMs: 500, what: 'every read model to agree with its source' },
    );
    await eventually(
      () => watch.allReady(),
      (ready) => ready,
      { timeoutMs: Math.max(1_000, CONVERGE_DEADLINE_MS - (Date.now() - calmFrom)), intervalMs: 250, what: 'every component ready' },
    );
    convergedInSeconds = (Date.now() - calmFrom) / 1000;
  } catch {
    consistency = await measureConsistency(stack, clientSaw);
  }
  watch.stop();

  const problems: string[] = [];
  for (const name of fault.notReadyDuring) {
    if (!watch.sawNotReady(name, faultWindow!.from, faultWindow!.to! + 5_000))
      problems.push(`${name} never reported not ready during the fault`);
  }
  if (convergedInSeconds === undefined)
    problems.push(`not converged within ${CONVERGE_DEADLINE_MS / 1000} s: ${consistency.gaps.join('; ') || 'readiness'}`);
  problems.push(...((await fault.verify?.({ stack, note })) ?? []));

  return {
    fault: fault.name,
    sent: total + load.seed,
    succeeded: succeeded.length + holders.length,
    duringFault: duringFault.institution + duringFault.licence,
    consistency,
    convergedInSeconds,
    processRestarts: Object.values(stack.components).reduce((sum, component) => sum + component.process.restarts, 0),
    consumerRestarts: await consumerRestarts(stack),
    problems,
    logDir: stack.logDir,
  };
}

/** Consumers replaced inside the services' processes (counted since each process started). */
async function consumerRestarts(stack: ProcessTestStack): Promise<number> {
  let total = 0;
  for (const name of ['licensing', 'accreditation', 'catalogue']) {
    const text = await (await fetch(`${stack.components[name]!.baseUrl}/metrics`)).text();
    for (const match of text.matchAll(/^kafka_consumer_restarts_total(?:\{[^}]*\})? (\d+)/gm)) total += Number(match[1]);
  }
  return total;
}
