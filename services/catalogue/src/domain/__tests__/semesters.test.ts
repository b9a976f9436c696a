import { describe, expect, it } from '@jest/globals';
import { parseSemesterLabel, semesterOf } from '../semesters';

describe('semesterOf', () => {
  it('puts September to December in the first semester of the school year that starts then', () => {
    expect(semesterOf('2025-09-01')).toStrictEqual({ schoolYear: '2025/2026', label: '2025/2026-1' });
    expect(semesterOf('2025-12-31')).toStrictEqual({ schoolYear: '2025/2026', label: '2025/2026-1' });
  });

  it('puts January to August in the second semester of the school year that started the autumn before', () => {
    expect(semesterOf('2026-01-01')).toStrictEqual({ schoolYear: '2025/2026', label: '2025/2026-2' });
    expect(semesterOf('2026-08-31')).toStrictEqual({ schoolYear: '2025/2026', label: '2025/2026-2' });
  });
});

describe('parseSemesterLabel', () => {
  it('reads labels and refuses anything else', () => {
    expect(parseSemesterLabel('2025/2026-2')).toStrictEqual({ schoolYear: '2025/2026', label: '2025/2026-2' });
    expect(parseSemesterLabel('2025/2027-1')).toBe(null);
    expect(parseSemesterLabel('2025/2026-3')).toBe(null);
    expect(parseSemesterLabel('autumn')).toBe(null);
  });
});
