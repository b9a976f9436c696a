import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { assertVisitCoversOpenTasks, validTasks } from '../tasks';

const accreditation = { status: 'ACTIVE', decisionDate: '2024-08-20', termEnd: '2026-08-31' };
const task = { category: 'QUALITY_TEACHING', description: 'Differentiate tasks in mathematics lessons', deadline: '2025-06-30' };
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return 'no error';
};

describe('tasks set by an accreditation', () => {
  it('are set in a quality category with a deadline within the term', () => {
    expect(validTasks(accreditation, '2024-09-01', [task])).toStrictEqual([task]);
  });

  it('refuse a deadline after the term ends or before the assignment', () => {
    expect(code(() => validTasks(accreditation, '2024-09-01', [{ ...task, deadline: '2026-09-01' }]))).toBe('VALIDATION_FAILED');
    expect(code(() => validTasks(accreditation, '2024-09-01', [{ ...task, deadline: '2024-08-31' }]))).toBe('VALIDATION_FAILED');
  });

  it('refuse an unknown category, an empty description and an ended accreditation', () => {
    expect(code(() => validTasks(accreditation, '2024-09-01', [{ ...task, category: 'SPORT' }]))).toBe('VALIDATION_FAILED');
    expect(code(() => validTasks(accreditation, '2024-09-01', [{ ...task, description: ' ' }]))).toBe('VALIDATION_FAILED');
    expect(code(() => validTasks({ ...accreditation, status: 'ENDED' }, '2024-09-01', [task]))).toBe('CONFLICT');
  });
});

describe('a monitoring visit', () => {
  const progress = (taskId: string) => ({ taskId, progress: 'IN_PROGRESS' });
  it('reports on every open task once', () => {
    expect(code(() => assertVisitCoversOpenTasks(['a', 'b'], [progress('b'), progress('a')]))).toBe('no error');
  });

  it('refuses a visit that leaves an open task out, repeats one or names another', () => {
    assert.throws(() => assertVisitCoversOpenTasks(['a', 'b'], [progress('a')]), /missing b/);
    expect(code(() => assertVisitCoversOpenTasks(['a'], [progress('a'), progress('a')]))).toBe('VALIDATION_FAILED');
    expect(code(() => assertVisitCoversOpenTasks(['a'], [progress('a'), progress('z')]))).toBe('VALIDATION_FAILED');
  });

  it('has nothing to monitor when no task is open', () => {
    expect(code(() => assertVisitCoversOpenTasks([], []))).toBe('CONFLICT');
  });
});
