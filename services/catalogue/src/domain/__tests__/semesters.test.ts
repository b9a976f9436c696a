import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSemesterLabel, semesterOf } from '../semesters';

describe('semesterOf', () => {
  it('puts September to December in the first semester of the school year that starts then', () => {
    assert.deepEqual(semesterOf('2025-09-01'), { schoolYear: '2025/2026', label: '2025/2026-1' });
    assert.deepEqual(semesterOf('2025-12-31'), { schoolYear: '2025/2026', label: '2025/2026-1' });
  });

  it('puts January to August in the second semester of the school year that started the autumn before', () => {
    assert.deepEqual(semesterOf('2026-01-01'), { schoolYear: '2025/2026', label: '2025/2026-2' });
    assert.deepEqual(semesterOf('2026-08-31'), { schoolYear: '2025/2026', label: '2025/2026-2' });
  });
});

describe('parseSemesterLabel', () => {
  it('reads labels and refuses anything else', () => {
    assert.deepEqual(parseSemesterLabel('2025/2026-2'), { schoolYear: '2025/2026', label: '2025/2026-2' });
    assert.equal(parseSemesterLabel('2025/2027-1'), null);
    assert.equal(parseSemesterLabel('2025/2026-3'), null);
    assert.equal(parseSemesterLabel('autumn'), null);
  });
});
