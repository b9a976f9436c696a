import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@eq/shared/errors';
import { assertFundPolicy, fundFinancing, MEASURE_4221_FINANCING, MEASURE_4221_PERIOD, MEASURE_4221_POLICY } from '../fundPolicy';

/** The source facts copied into the repository (docs/reference, with their sources). */
const referenceFile = fileURLToPath(new URL('../../../../../docs/reference/esf-4221-activity-fund.json', import.meta.url));

describe('MEASURE_4221_POLICY', () => {
  it("matches the measure's reference facts (€ per pupil per activity, activities per semester)", () => {
    const facts = JSON.parse(readFileSync(referenceFile, 'utf8')) as {
      pricePerPupilPerActivityEur: number;
      activitiesPerPupilPerSemester: number;
      budgetEur: { activityAttendance: number };
      period: { from: string; to: string };
    };
    expect(MEASURE_4221_PERIOD).toStrictEqual({ from: `${facts.period.from}-01-01`, to: `${facts.period.to}-12-31` });
    expect(MEASURE_4221_POLICY.pricePerPupilCents).toBe(Math.round(facts.pricePerPupilPerActivityEur * 100));
    expect(MEASURE_4221_POLICY.activitiesPerPupilPerSemester).toBe(facts.activitiesPerPupilPerSemester);
    expect(MEASURE_4221_POLICY.attendanceBudgetCents).toBe(Math.round(facts.budgetEur.activityAttendance * 100));
  });
});

describe('MEASURE_4221_FINANCING', () => {
  it("matches source 003's total, its sources and the attendance budget in the reference facts", () => {
    const facts = JSON.parse(readFileSync(referenceFile, 'utf8')) as {
      budgetEur: { total: number; esfPlus: number; stateCofinancing: number; activityAttendance: number };
    };
    expect(MEASURE_4221_FINANCING.totalCents).toBe(facts.budgetEur.total * 100);
    expect(MEASURE_4221_FINANCING.sources.map((share) => [share.source, share.amountCents])).toStrictEqual([
      ['ESF_PLUS', facts.budgetEur.esfPlus * 100],
      ['STATE_BUDGET', facts.budgetEur.stateCofinancing * 100],
    ]);
    expect(MEASURE_4221_FINANCING.attendanceBudgetCents).toBe(facts.budgetEur.activityAttendance * 100);
  });

  it('adds up: the sources make the total, and attendance is part of it', () => {
    const sum = MEASURE_4221_FINANCING.sources.reduce((total, share) => total + share.amountCents, 0);
    expect(sum).toBe(MEASURE_4221_FINANCING.totalCents);
    assert.ok(MEASURE_4221_FINANCING.attendanceBudgetCents < MEASURE_4221_FINANCING.totalCents);
    expect(fundFinancing({ ...MEASURE_4221_POLICY, attendanceBudgetCents: 500 })).toMatchObject({
      totalCents: 3_400_960_000,
      attendanceBudgetCents: 500,
      periodFrom: '2025-01-01',
      periodTo: '2028-12-31',
    });
  });
});

describe('assertFundPolicy', () => {
  it('accepts whole positive figures', () => {
    expect(assertFundPolicy({ pricePerPupilCents: 1200, activitiesPerPupilPerSemester: 3, attendanceBudgetCents: 500 })).toStrictEqual({
      pricePerPupilCents: 1200,
      activitiesPerPupilPerSemester: 3,
      attendanceBudgetCents: 500,
    });
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
