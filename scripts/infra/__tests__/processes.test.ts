import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import {
  OutputSink,
  freshTempDir,
  isAlive,
  isRunningCommand,
  readOwnerFile,
  signalUntilExit,
  waitForExit,
  writeOwnerFile,
} from '../processes';

const children: ChildProcess[] = [];

/**
 * Spawns `sh -c script` and resolves its pid once it is running; with `untilOutput`, once the
 * script has printed something (its signal traps are installed by then).
 */
async function startShell(script: string, { untilOutput = false } = {}): Promise<number> {
  const child = spawn('sh', ['-c', script], { stdio: ['ignore', untilOutput ? 'pipe' : 'ignore', 'ignore'] });
  children.push(child);
  await new Promise((resolve, reject) => child.once('spawn', resolve).once('error', reject));
  if (untilOutput) await new Promise((resolve) => child.stdout!.once('data', resolve));
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

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

describe('isAlive / isRunningCommand / signalUntilExit', () => {
  it('sees this process as alive and an exited one as dead', async () => {
    expect(isAlive(process.pid)).toBe(true);
    expect(isAlive(await deadPid())).toBe(false);
  });

  it('recognises a process by parts of its command line', async () => {
    const pid = await startShell('sleep 31');
    // The project runs on Linux (embedded servers): command lines come from procfs.
    expect(existsSync(`/proc/${pid}/cmdline`)).toBe(true);
    expect(isRunningCommand(pid, ['sh', 'sleep 31'])).toBe(true);
    expect(isRunningCommand(pid, ['sh', 'kafka.Kafka'])).toBe(false);
    expect(await signalUntilExit(pid, [['SIGKILL', 5_000]])).toBe(true);
    expect(isRunningCommand(pid, ['sh', 'sleep 31'])).toBe(false);
  });

  it('stops a process with the first signal it obeys', async () => {
    const pid = await startShell('sleep 30');
    expect(await signalUntilExit(pid, [['SIGTERM', 5_000]])).toBe(true);
    expect(isAlive(pid)).toBe(false);
  });

  it('escalates when a signal is ignored, and reports a process that outlives every step', async () => {
    // Wait for the trap to be installed, or SIGTERM could arrive first and stop it at once.
    const pid = await startShell("trap '' TERM; echo trapped; sleep 30", { untilOutput: true });
    expect(await signalUntilExit(pid, [['SIGTERM', 300]])).toBe(false);
    expect(isAlive(pid)).toBe(true);
    expect(
      await signalUntilExit(pid, [
        ['SIGTERM', 300],
        ['SIGKILL', 5_000],
      ]),
    ).toBe(true);
    expect(await waitForExit(pid, 0)).toBe(true);
  });
});

describe('owner files', () => {
  it('round-trips the owner and server pids under the server-specific key', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'processes-test-'));
    try {
      const file = path.join(dir, 'owner.json');
      await writeOwnerFile(file, 'jvmPid', 4242);
      expect(await readOwnerFile(file, 'jvmPid')).toStrictEqual({ ownerPid: process.pid, serverPid: 4242 });
      expect((await readOwnerFile(file, 'postmasterPid')).serverPid).toBe(undefined);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('yields an empty record for a missing or malformed file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'processes-test-'));
    try {
      const file = path.join(dir, 'owner.json');
      expect(await readOwnerFile(file, 'jvmPid')).toStrictEqual({});
      await writeFile(file, '{not json');
      expect(await readOwnerFile(file, 'jvmPid')).toStrictEqual({});
      await writeFile(file, 'null');
      expect(await readOwnerFile(file, 'jvmPid')).toStrictEqual({});
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
      expect(path.basename(fresh)).toMatch(new RegExp(`^\\.tmp-${process.pid}-[0-9a-f]{8}$`));
      expect(fresh).not.toBe(live);
      expect((await readdir(dir)).sort()).toStrictEqual([path.basename(live), path.basename(otherPrefix)].sort());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('tolerates a missing parent directory', async () => {
    const parent = path.join(tmpdir(), 'processes-test-does-not-exist');
    expect(path.dirname(await freshTempDir(parent, '.tmp-'))).toBe(parent);
  });
});

describe('OutputSink', () => {
  it('reassembles lines split across chunks and drops blank lines and colour codes', () => {
    const lines: string[] = [];
    const sink = new OutputSink((line) => lines.push(line));
    sink.write('first li');
    sink.write('ne\r\n\n\x1b[1;31msecond\x1b[0m  \nthi');
    expect(lines).toStrictEqual(['first line', 'second']);
    sink.line('fourth\nfifth');
    expect(lines).toStrictEqual(['first line', 'second', 'thi', 'fourth', 'fifth']);
    expect(sink.tail()).toBe(lines.join('\n'));
  });

  it('returns the lines after a mark and keeps only the last 40', () => {
    const sink = new OutputSink(() => undefined);
    for (let i = 0; i < 50; i++) sink.line(`line ${i}`);
    const mark = sink.mark();
    sink.write('after 1\nafter 2');
    expect(sink.since(mark)).toStrictEqual(['after 1', 'after 2']);
    expect(sink.tail().split('\n').length).toBe(40);
    expect(sink.since(0).length).toBe(40);
  });
});
