import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
    assert.deepEqual(validTasks(accreditation, '2024-09-01', [task]), [task]);
  });

  it('refuse a deadline after the term ends or before the assignment', () => {
    assert.equal(code(() => validTasks(accreditation, '2024-09-01', [{ ...task, deadline: '2026-09-01' }])), 'VALIDATION_FAILED');
    assert.equal(code(() => validTasks(accreditation, '2024-09-01', [{ ...task, deadline: '2024-08-31' }])), 'VALIDATION_FAILED');
  });

  it('refuse an unknown category, an empty description and an ended accreditation', () => {
    assert.equal(code(() => validTasks(accreditation, '2024-09-01', [{ ...task, category: 'SPORT' }])), 'VALIDATION_FAILED');
    assert.equal(code(() => validTasks(accreditation, '2024-09-01', [{ ...task, description: ' ' }])), 'VALIDATION_FAILED');
    assert.equal(code(() => validTasks({ ...accreditation, status: 'ENDED' }, '2024-09-01', [task])), 'CONFLICT');
  });
});

describe('a monitoring visit', () => {
  const progress = (taskId: string) => ({ taskId, progress: 'IN_PROGRESS' });
  it('reports on every open task once', () => {
    assert.equal(code(() => assertVisitCoversOpenTasks(['a', 'b'], [progress('b'), progress('a')])), 'no error');
  });

  it('refuses a visit that leaves an open task out, repeats one or names another', () => {
    assert.throws(() => assertVisitCoversOpenTasks(['a', 'b'], [progress('a')]), /missing b/);
    assert.equal(code(() => assertVisitCoversOpenTasks(['a'], [progress('a'), progress('a')])), 'VALIDATION_FAILED');
    assert.equal(code(() => assertVisitCoversOpenTasks(['a'], [progress('a'), progress('z')])), 'VALIDATION_FAILED');
  });

  it('has nothing to monitor when no task is open', () => {
    assert.equal(code(() => assertVisitCoversOpenTasks([], [])), 'CONFLICT');
  });
});
