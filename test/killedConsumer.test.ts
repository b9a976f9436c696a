import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@eq/shared';
import { isAlive } from '../scripts/infra/processes';
import { runBoundedLoad } from './support/boundedLoad';
import { eventually } from './support/eventually';
import { institutionInput, REGISTER } from './support/fixtures';
import { startProcessTestStack, type ProcessTestStack } from './support/processTestStack';

const REGISTRATIONS = 150;
/** The kill lands once this many registrations are answered, with a hundred still to come. */
const KILL_AFTER = 50;

/**
 * A consuming service's process SIGKILLed mid-load, as `npm start` runs it: the supervisor brings
 * it back on the same port, its consumer resumes from the committed offsets, and its read model
 * ends with exactly the registry's institutions, none lost and none applied twice.
 */
describe('a consuming service killed mid-load', () => {
  let stack: ProcessTestStack;
  let officer: string;

  beforeAll(async () => {
    stack = await startProcessTestStack('killedconsumer');
    officer = await stack.client.token({ role: Role.OFFICER, subject: 'officer-killed-consumer' });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('is restarted by the supervisor, resumes its events, and ends with the registry’s count exactly', async () => {
    const licensing = stack.components.licensing!.process;
    const registered: string[] = [];
    const known = async (ids: string[]) =>
      Number(
        (await stack.database('licensing').query('SELECT count(*)::int AS n FROM registry_institution WHERE id = ANY($1)', [ids])).rows[0]
          .n,
      );

    let killed: { pid: number; done: Promise<void> } | undefined;
    let settledAtKill = 0;
    const outcomes = await runBoundedLoad(
      REGISTRATIONS,
      4,
      async () => {
        const data = await stack.client.data(REGISTER, { input: institutionInput({ name: 'Siguldas skola' }) }, officer);
        const id = data.registerInstitution.institution.id as string;
        registered.push(id);
        return id;
      },
      (settled) => {
        if (settled !== KILL_AFTER) return;
        // Killed only once it has consumed (and so committed) part of the load: it is mid-backlog.
        const pid = licensing.pid()!;
        killed = {
          pid,
          done: eventually(
            () => known([...registered]),
            (n) => n >= 20,
            { what: 'licensing to have consumed part of the load' },
          ).then(() => {
            settledAtKill = registered.length;
            process.kill(pid, 'SIGKILL');
          }),
        };
      },
    );
    await killed!.done;
    expect(outcomes.filter((outcome) => !outcome.ok)).toStrictEqual([]);
    assert.ok(settledAtKill < REGISTRATIONS, `killed mid-load (after ${settledAtKill} of ${REGISTRATIONS})`);

    const restartedPid = await eventually(
      async () => licensing.pid(),
      (pid) => pid !== undefined && pid !== killed!.pid,
      { what: 'a new licensing process' },
    );
    expect(isAlive(killed!.pid)).toBe(false);
    assert.ok(isAlive(restartedPid!));
    expect(licensing.exits[0]?.signal).toBe('SIGKILL');

    const ids = outcomes.map((outcome) => (outcome.ok ? outcome.value : ''));
    const inRegistry = Number(
      (await stack.database('registry').query('SELECT count(*)::int AS n FROM institution WHERE id = ANY($1)', [ids])).rows[0].n,
    );
    expect(inRegistry).toBe(REGISTRATIONS);
    await eventually(
      () => known(ids),
      (n) => n === inRegistry,
      { timeoutMs: 60_000, intervalMs: 250, what: `licensing to know all ${inRegistry} institutions` },
    );
    await eventually(
      () => stack.readiness('licensing'),
      (answer) => answer.status === 200,
      { timeoutMs: 60_000, intervalMs: 250, what: 'licensing ready again' },
    );

    const { rows } = await stack
      .database('licensing')
      .query('SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS distinct FROM processed_event');
    // On a shared broker the topic also carries other files' events: ids, not totals, are ours.
    expect(rows[0].n).toBe(rows[0].distinct);
  });
});
