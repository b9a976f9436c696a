import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { OutputSink, freshTempDir, isAlive, isRunningCommand, readOwnerFile, signalUntilExit, waitForExit, writeOwnerFile } from '../processes';

const children: ChildProcess[] = [];

/** Spawns `sh -c script` and resolves its pid once it is running. */
async function startShell(script: string): Promise<number> {
  const child = spawn('sh', ['-c', script], { stdio: 'ignore' });
  children.push(child);
  await new Promise((resolve, reject) => child.once('spawn', resolve).once('error', reject));
  assert.ok(child.pid !== undefined);
  return child.pid;
}

/** A pid that has just exited and been reaped. */
async function deadPid(): Promise<number> {
  const child = spawn('true', { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  assert.ok(child.pid !== undefined);
  return child.pid;
}

after(() => {
  for (const child of children) child.kill('SIGKILL');
});

describe('isAlive / isRunningCommand / signalUntilExit', () => {
  it('sees this process as alive and an exited one as dead', async () => {
    assert.equal(isAlive(process.pid), true);
    assert.equal(isAlive(await deadPid()), false);
  });

  it('recognises a process by parts of its command line', async (t) => {
    const pid = await startShell('sleep 31');
    // The checks below assume procfs; elsewhere only liveness counts.
    if (!existsSync(`/proc/${pid}/cmdline`)) return t.skip('no procfs');
    assert.equal(isRunningCommand(pid, ['sh', 'sleep 31']), true);
    assert.equal(isRunningCommand(pid, ['sh', 'kafka.Kafka']), false);
    assert.equal(await signalUntilExit(pid, [['SIGKILL', 5_000]]), true);
    assert.equal(isRunningCommand(pid, ['sh', 'sleep 31']), false);
  });

  it('stops a process with the first signal it obeys', async () => {
    const pid = await startShell('sleep 30');
    assert.equal(await signalUntilExit(pid, [['SIGTERM', 5_000]]), true);
    assert.equal(isAlive(pid), false);
  });

  it('escalates when a signal is ignored, and reports a process that outlives every step', async () => {
    // Give sh a moment to install the trap, or SIGTERM could arrive first and stop it at once.
    const pid = await startShell("trap '' TERM; sleep 30");
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(await signalUntilExit(pid, [['SIGTERM', 300]]), false);
    assert.equal(isAlive(pid), true);
    assert.equal(await signalUntilExit(pid, [['SIGTERM', 300], ['SIGKILL', 5_000]]), true);
    assert.equal(await waitForExit(pid, 0), true);
  });
});

describe('owner files', () => {
  it('round-trips the owner and server pids under the server-specific key', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'processes-test-'));
    try {
      const file = path.join(dir, 'owner.json');
      await writeOwnerFile(file, 'jvmPid', 4242);
      assert.deepEqual(await readOwnerFile(file, 'jvmPid'), { ownerPid: process.pid, serverPid: 4242 });
      assert.equal((await readOwnerFile(file, 'postmasterPid')).serverPid, undefined);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('yields an empty record for a missing or malformed file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'processes-test-'));
    try {
      const file = path.join(dir, 'owner.json');
      assert.deepEqual(await readOwnerFile(file, 'jvmPid'), {});
      await writeFile(file, '{not json');
      assert.deepEqual(await readOwnerFile(file, 'jvmPid'), {});
      await writeFile(file, 'null');
      assert.deepEqual(await readOwnerFile(file, 'jvmPid'), {});
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('freshTempDir', () => {
  it('names a fresh dir after this process and removes those of dead processes with the prefix', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'processes-test-'));
    try {
      const live = path.join(dir, `.tmp-${process.pid}-abcd1234`);
      const abandoned = path.join(dir, `.tmp-${await deadPid()}-abcd1234`);
      const otherPrefix = path.join(dir, `data.initdb-${await deadPid()}-abcd1234`);
      for (const d of [live, abandoned, otherPrefix]) await mkdir(d);
      const fresh = await freshTempDir(dir, '.tmp-');
      assert.match(path.basename(fresh), new RegExp(`^\\.tmp-${process.pid}-[0-9a-f]{8}$`));
      assert.notEqual(fresh, live);
      assert.deepEqual((await readdir(dir)).sort(), [path.basename(live), path.basename(otherPrefix)].sort());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('tolerates a missing parent directory', async () => {
    const parent = path.join(tmpdir(), 'processes-test-does-not-exist');
    assert.equal(path.dirname(await freshTempDir(parent, '.tmp-')), parent);
  });
});

describe('OutputSink', () => {
  it('reassembles lines split across chunks and drops blank lines and colour codes', () => {
    const lines: string[] = [];
    const sink = new OutputSink((line) => lines.push(line));
    sink.write('first li');
    sink.write('ne\r\n\n\x1b[1;31msecond\x1b[0m  \nthi');
    assert.deepEqual(lines, ['first line', 'second']);
    sink.line('fourth\nfifth');
    assert.deepEqual(lines, ['first line', 'second', 'thi', 'fourth', 'fifth']);
    assert.equal(sink.tail(), lines.join('\n'));
  });

  it('returns the lines after a mark and keeps only the last 40', () => {
    const sink = new OutputSink(() => undefined);
    for (let i = 0; i < 50; i++) sink.line(`line ${i}`);
    const mark = sink.mark();
    sink.write('after 1\nafter 2');
    assert.deepEqual(sink.since(mark), ['after 1', 'after 2']);
    assert.equal(sink.tail().split('\n').length, 40);
    assert.equal(sink.since(0).length, 40);
  });
});
