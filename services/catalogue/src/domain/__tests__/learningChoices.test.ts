import { describe, expect, it } from '@jest/globals';
import {
  assertSchoolYearBegun,
  learningChoiceReportsVisibleTo,
  reportingSchoolOf,
  summariseChoices,
  validateLearningChoices,
} from '../learningChoices';
import { refusal } from './domainRefusal';

const report = { secondaryPupils: 40, projectWorkInfluenced: 14, pupils: 80, furtherLearningInfluenced: 36 };

describe('validateLearningChoices', () => {
  it('takes whole counts with the influenced within their base, up to every pupil', () => {
    expect(validateLearningChoices(report)).toStrictEqual(report);
    expect(validateLearningChoices({ secondaryPupils: 0, projectWorkInfluenced: 0, pupils: 0, furtherLearningInfluenced: 0 })).toBeTruthy();
    expect(validateLearningChoices({ ...report, projectWorkInfluenced: 40, furtherLearningInfluenced: 80 })).toBeTruthy();
  });

  it('refuses more influenced than pupils, negative, fractional or implausible counts, naming the field', () => {
    for (const [bad, field] of [
      [{ ...report, projectWorkInfluenced: 41 }, 'projectWorkInfluenced'],
      [{ ...report, furtherLearningInfluenced: 81 }, 'furtherLearningInfluenced'],
      [{ ...report, secondaryPupils: 81 }, 'secondaryPupils'],
      [{ ...report, pupils: -1 }, 'pupils'],
      [{ ...report, projectWorkInfluenced: 1.5 }, 'projectWorkInfluenced'],
      [{ ...report, pupils: 20_001 }, 'pupils'],
    ] as const) {
      const refused = refusal(() => validateLearningChoices(bad));
      expect([refused.code, refused.details.field]).toStrictEqual(['VALIDATION_FAILED', field]);
    }
  });
});

describe('summariseChoices', () => {
  it('rates the reports against 30% and 50% (source 003)', () => {
    const other = { secondaryPupils: 60, projectWorkInfluenced: 16, pupils: 120, furtherLearningInfluenced: 64 };
    expect(summariseChoices([report, other])).toStrictEqual({
      projectWorkChoice: { pupils: 100, influenced: 30, rate: 0.3, targetRate: 0.3, targetMet: true, reportingSchools: 2 },
      furtherLearningChoice: { pupils: 200, influenced: 100, rate: 0.5, targetRate: 0.5, targetMet: true, reportingSchools: 2 },
    });
    expect(summariseChoices([report]).furtherLearningChoice.targetMet).toBe(false);
  });

  it('meets no target without reports', () => {
    expect(summariseChoices([]).projectWorkChoice).toStrictEqual({
      pupils: 0,
      influenced: 0,
      rate: 0,
      targetRate: 0.3,
      targetMet: false,
      reportingSchools: 0,
    });
  });
});

describe('who reports and reads', () => {
  const school = { role: 'SCHOOL', institutionId: 'A1B2C3D4-0000-4000-8000-000000000001' };
  it('lets a SCHOOL report for its own institution only, and read its own', () => {
    expect(reportingSchoolOf(school)).toBe(school.institutionId.toLowerCase());
    expect(learningChoiceReportsVisibleTo(school)).toBe(school.institutionId.toLowerCase());
    expect(refusal(() => reportingSchoolOf({ role: 'SCHOOL' })).code).toBe('FORBIDDEN');
    expect(refusal(() => reportingSchoolOf({ role: 'FUND_ADMIN' })).code).toBe('FORBIDDEN');
  });

  it('lets FUND_ADMIN and OFFICER read every school, nobody else', () => {
    expect(learningChoiceReportsVisibleTo({ role: 'FUND_ADMIN' })).toBe(null);
    expect(learningChoiceReportsVisibleTo({ role: 'OFFICER' })).toBe(null);
    expect(refusal(() => learningChoiceReportsVisibleTo({ role: 'PROVIDER' })).code).toBe('FORBIDDEN');
  });
});

describe('assertSchoolYearBegun', () => {
  it('takes reports from 1 September of the school year on', () => {
    assertSchoolYearBegun('2026/2027', '2026-09-01');
    expect(refusal(() => assertSchoolYearBegun('2026/2027', '2026-08-31')).code).toBe('CONFLICT');
  });
});
