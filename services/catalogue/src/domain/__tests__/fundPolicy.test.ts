import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { DomainError } from '@eq/shared/errors';
import { assertFundPolicy, MEASURE_4221_POLICY } from '../fundPolicy';

/** The project's reference facts sit beside the repository (../shared/reference). */
const referenceFile = fileURLToPath(new URL('../../../../../../shared/reference/esf-4221-activity-fund.json', import.meta.url));

describe('MEASURE_4221_POLICY', () => {
  it('matches the measure\'s reference facts (€ per pupil per activity, activities per semester)', { skip: !existsSync(referenceFile) && 'reference facts not present' }, () => {
    const facts = JSON.parse(readFileSync(referenceFile, 'utf8')) as { pricePerPupilPerActivityEur: number; activitiesPerPupilPerSemester: number; budgetEur: { activityAttendance: number } };
    assert.equal(MEASURE_4221_POLICY.pricePerPupilCents, Math.round(facts.pricePerPupilPerActivityEur * 100));
    assert.equal(MEASURE_4221_POLICY.activitiesPerPupilPerSemester, facts.activitiesPerPupilPerSemester);
    assert.equal(MEASURE_4221_POLICY.attendanceBudgetCents, Math.round(facts.budgetEur.activityAttendance * 100));
  });
});

describe('assertFundPolicy', () => {
  it('accepts whole positive figures', () => {
    assert.deepEqual(assertFundPolicy({ pricePerPupilCents: 1200, activitiesPerPupilPerSemester: 3, attendanceBudgetCents: 500 }), { pricePerPupilCents: 1200, activitiesPerPupilPerSemester: 3, attendanceBudgetCents: 500 });
  });

  it('refuses a zero, negative or fractional price or quota', () => {
    for (const policy of [
      { pricePerPupilCents: 0, activitiesPerPupilPerSemester: 4, attendanceBudgetCents: 500 },
      { pricePerPupilCents: 999.5, activitiesPerPupilPerSemester: 4, attendanceBudgetCents: 500 },
      { pricePerPupilCents: 1000, activitiesPerPupilPerSemester: -4, attendanceBudgetCents: 500 },
      { pricePerPupilCents: 1000, activitiesPerPupilPerSemester: 4, attendanceBudgetCents: 0 },
    ]) {
      assert.throws(() => assertFundPolicy(policy), DomainError);
    }
  });
});
