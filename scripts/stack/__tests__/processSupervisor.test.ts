import assert from 'node:assert/strict';
import { afterAll, describe, expect, it } from '@jest/globals';
import { isAlive } from '../../infra/processes';
import { eventually } from '../../../test/support/eventually';
import { SupervisedProcess, type SupervisedProcessOptions } from '../processSupervisor';

/** A real child: `node -e <script>`, its output collected for the assertions. */
function supervise(script: string, options: Partial<SupervisedProcessOptions> = {}) {
  const lines: string[] = [];
  const supervised = new SupervisedProcess({
    name: 'child',
    command: process.execPath,
    args: ['-e', script],
    env: { PATH: process.env.PATH ?? '' },
    log: (line) => lines.push(line),
    backoff: { initialMs: 20, maxMs: 80 },
    random: () => 1,
    stopTimeoutMs: 2_000,
    ...options,
  }).start();
  running.push(supervised);
  return { supervised, lines };
}
const running: SupervisedProcess[] = [];
const FOREVER = "console.log('up'); setInterval(() => {}, 1000);";

describe('the process supervisor', () => {
  afterAll(async () => {
    await Promise.all(running.map((supervised) => supervised.stop()));
  });

  it('restarts a crashing child with a doubling delay that stops at its cap', async () => {
    const { supervised, lines } = supervise("console.error('boom'); process.exit(3);");
    await eventually(
      async () => supervised.restarts,
      (n) => n >= 5,
      { what: 'five restarts' },
    );
    await supervised.stop();
    expect(supervised.exits.slice(0, 5).map((exit) => exit.restartInMs)).toStrictEqual([20, 40, 80, 80, 80]);
    assert.ok(supervised.exits.every((exit) => exit.code === 3 || exit.restartInMs === undefined));
    assert.ok(lines.includes('boom'), 'stderr reaches the log');
  });

  it('starts the backoff afresh after a run that lasted', async () => {
    const { supervised } = supervise('process.exit(1);', { stableAfterMs: 0 });
    await eventually(
      async () => supervised.restarts,
      (n) => n >= 3,
      { what: 'three restarts' },
    );
    await supervised.stop();
    expect(supervised.exits.slice(0, 3).map((exit) => exit.restartInMs)).toStrictEqual([20, 20, 20]);
  });

  it('brings back a child killed by SIGKILL under a new pid', async () => {
    const { supervised, lines } = supervise(FOREVER);
    const first = await eventually(
      async () => supervised.pid(),
      (pid) => pid !== undefined && lines.includes('up'),
      { what: 'the first run' },
    );
    process.kill(first!, 'SIGKILL');
    const second = await eventually(
      async () => supervised.pid(),
      (pid) => pid !== undefined && pid !== first,
      { what: 'a new run' },
    );
    expect(isAlive(first!)).toBe(false);
    assert.ok(isAlive(second!));
    expect(supervised.exits.map(({ pid, signal }) => ({ pid, signal }))).toStrictEqual([{ pid: first, signal: 'SIGKILL' }]);
    await supervised.stop();
  });

  it('stops a child with SIGTERM, and never restarts it', async () => {
    const { supervised, lines } = supervise(`process.on('SIGTERM', () => { console.log('graceful'); process.exit(0); }); ${FOREVER}`);
    const pid = await eventually(
      async () => supervised.pid(),
      (found) => found !== undefined && lines.includes('up'),
      { what: 'the child to run' },
    );
    await supervised.stop();
    expect(isAlive(pid!)).toBe(false);
    expect(supervised.pid()).toBe(undefined);
    assert.ok(lines.includes('graceful'), 'the child got SIGTERM and its last output was kept');
    expect(supervised.exits).toStrictEqual([{ pid, code: 0, signal: null }]);
  });

  it('kills a child that ignores SIGTERM once the stop timeout has passed', async () => {
    const { supervised, lines } = supervise(`process.on('SIGTERM', () => console.log('ignored')); ${FOREVER}`, { stopTimeoutMs: 300 });
    const pid = await eventually(
      async () => supervised.pid(),
      (found) => found !== undefined && lines.includes('up'),
      { what: 'the child to run' },
    );
    await supervised.stop();
    expect(isAlive(pid!)).toBe(false);
    assert.ok(lines.includes('ignored'));
    expect(supervised.exits).toStrictEqual([{ pid, code: null, signal: 'SIGKILL' }]);
  });

  it('cancels a pending restart when stopped', async () => {
    const { supervised } = supervise('process.exit(1);', { backoff: { initialMs: 60_000, maxMs: 60_000 } });
    await eventually(
      async () => supervised.exits.length,
      (n) => n === 1,
      { what: 'the first exit' },
    );
    await supervised.stop();
    expect(supervised.pid()).toBe(undefined);
    expect(supervised.exits[0]!.restartInMs).toBe(60_000);
    expect(supervised.restarts).toBe(0);
  });
});
