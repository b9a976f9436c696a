import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { Role } from '@eq/shared/auth';
import { assertLearnerReport, planEnd, planVersion, type ProgrammeHistory } from '../interestProgrammeHistory';
import { mayManage, mayReportLearners } from '../interestProgrammeRules';

const code = (expected: string, field?: string) => (error: any) =>
  error.code === expected && (field === undefined || error.details?.field === field);

/** A programme registered in 2023 under the earlier classifier's cultural-education entry. */
const history: ProgrammeHistory = {
  startsOn: '2023-09-01',
  endsOn: null,
  versions: [
    {
      validFrom: '2023-09-01',
      validTo: null,
      name: 'Datorgrafika',
      classifierCode: 'AK_VISUAL_ARTS',
      areaCode: 'AK',
      annualTargetedSubsidyCents: 400_00,
    },
  ],
};

describe('an interest-education programme history', () => {
  it('reclassifies a technology programme to STEM from a date, closing the period before it', () => {
    const planned = planVersion(history, { kind: 'RECLASSIFIED', classifierCode: 'AT_CREATIVE_INDUSTRIES' }, '2024-09-01');
    expect(planned).toStrictEqual({
      closed: { validFrom: '2023-09-01', validTo: '2024-08-31' },
      next: { ...history.versions[0], validFrom: '2024-09-01', validTo: null, classifierCode: 'AT_CREATIVE_INDUSTRIES', areaCode: 'AT' },
      changedFields: ['classifierCode', 'areaCode'],
    });
  });

  it('refuses an entry not valid on the effective date, the same entry, and an unknown one', () => {
    assert.throws(
      () => planVersion(history, { kind: 'RECLASSIFIED', classifierCode: 'AT_COMPUTING' }, '2024-08-31'),
      code('VALIDATION_FAILED', 'classifierCode'),
    );
    assert.throws(
      () => planVersion(history, { kind: 'RECLASSIFIED', classifierCode: 'AK_VISUAL_ARTS' }, '2024-09-01'),
      code('VALIDATION_FAILED', 'classifierCode'),
    );
    assert.throws(() => planVersion(history, { kind: 'RECLASSIFIED', classifierCode: 'NOPE' }, '2024-09-01'), code('NOT_FOUND'));
  });

  it('amends name and subsidy from a date, and refuses an amendment that changes nothing', () => {
    const planned = planVersion(history, { kind: 'AMENDED', annualTargetedSubsidyCents: 450_00, name: ' Datorgrafika ' }, '2025-01-01');
    expect(planned.changedFields).toStrictEqual(['annualTargetedSubsidyCents']);
    expect(planned.closed.validTo).toBe('2024-12-31');
    assert.throws(() => planVersion(history, { kind: 'AMENDED', name: 'Datorgrafika' }, '2025-01-01'), code('VALIDATION_FAILED'));
    assert.throws(
      () => planVersion(history, { kind: 'AMENDED', annualTargetedSubsidyCents: -1 }, '2025-01-01'),
      code('VALIDATION_FAILED', 'annualTargetedSubsidyCents'),
    );
    assert.throws(() => planVersion(history, { kind: 'AMENDED', name: '  ' }, '2025-01-01'), code('VALIDATION_FAILED', 'name'));
  });

  it('appends history only: no change on or before the latest version, none after the end', () => {
    assert.throws(() => planVersion(history, { kind: 'AMENDED', name: 'X' }, '2023-09-01'), code('CONFLICT'));
    assert.throws(() => planVersion(history, { kind: 'AMENDED', name: 'X' }, '2023-13-01'), code('VALIDATION_FAILED', 'effectiveFrom'));
    const ended = { ...history, endsOn: '2025-05-31' };
    assert.throws(() => planVersion(ended, { kind: 'AMENDED', name: 'X' }, '2025-06-01'), code('CONFLICT'));
    expect(planVersion(ended, { kind: 'AMENDED', name: 'X' }, '2025-05-31').next.validTo).toBe('2025-05-31');
  });

  it('ends a programme from a date, never before its latest version nor later than a planned end', () => {
    expect(planEnd(history, '2025-05-31')).toBe('2025-05-31');
    assert.throws(() => planEnd(history, '2023-08-31'), code('VALIDATION_FAILED', 'endsOn'));
    assert.throws(() => planEnd({ ...history, endsOn: '2025-05-31' }, '2025-06-30'), code('CONFLICT'));
    expect(planEnd({ ...history, endsOn: '2025-05-31' }, '2025-01-31')).toBe('2025-01-31');
  });

  it('takes learner numbers for a year the programme runs in that has begun', () => {
    expect(assertLearnerReport(history, '2024/2025', 42, '2024-10-01')).toStrictEqual({ schoolYear: '2024/2025', learners: 42 });
    assert.throws(() => assertLearnerReport(history, '2025/2026', 42, '2025-08-31'), code('VALIDATION_FAILED', 'schoolYear'));
    assert.throws(() => assertLearnerReport(history, '2022/2023', 42, '2025-08-31'), code('VALIDATION_FAILED', 'schoolYear'));
    assert.throws(() => assertLearnerReport(history, '2024/2025', 4.5, '2025-08-31'), code('VALIDATION_FAILED', 'learners'));
    assert.throws(() => assertLearnerReport(history, '2024/2025', -1, '2025-08-31'), code('VALIDATION_FAILED', 'learners'));
    assert.throws(() => assertLearnerReport(history, '2024/2026', 1, '2025-08-31'), code('VALIDATION_FAILED', 'schoolYear'));
  });

  it('lets the registering municipality manage a programme, and its institution or that municipality report learners', () => {
    const programme = { municipality: 'Valmieras novads', institutionId: '00000000-0000-4000-8000-000000000001' };
    expect(mayManage({ role: Role.MUNICIPALITY, municipality: 'Valmieras novads' }, programme)).toBe(true);
    expect(mayManage({ role: Role.MUNICIPALITY, municipality: 'Cēsu novads' }, programme)).toBe(false);
    expect(mayManage({ role: Role.OFFICER }, programme)).toBe(false);
    expect(mayReportLearners({ role: Role.SCHOOL, institutionId: programme.institutionId }, programme)).toBe(true);
    expect(mayReportLearners({ role: Role.SCHOOL, institutionId: '00000000-0000-4000-8000-000000000002' }, programme)).toBe(false);
    expect(mayReportLearners({ role: Role.MUNICIPALITY, municipality: 'Valmieras novads' }, programme)).toBe(true);
  });
});
