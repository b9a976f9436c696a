import { describe, expect, it } from '@jest/globals';
import { isLatvianPublicHoliday } from '../../../services/catalogue/src/domain/latvianHolidays';
import { demoSessionDays, FIELDS, GRADE_BANDS, planCatalogueDemo, REGIONS } from '../catalogueDemoPlan';

describe('the demo catalogue plan', () => {
  const plan = planCatalogueDemo('2026-12-04', 16);

  it('covers every field, grade band and planning region with a few hundred activities, some under review', () => {
    expect(plan).toHaveLength(300);
    expect(new Set(plan.flatMap((activity) => activity.input.fields))).toEqual(new Set(FIELDS));
    expect(new Set(plan.flatMap((activity) => activity.input.gradeBands))).toEqual(new Set(GRADE_BANDS));
    expect(new Set(plan.map((activity) => activity.input.planningRegion).filter(Boolean))).toEqual(new Set(REGIONS));
    expect(plan.filter((activity) => activity.status === 'SUBMITTED').length).toBeGreaterThanOrEqual(3);
    expect(plan.every((activity) => activity.input.title.endsWith('(demo)'))).toBe(true);
    expect(new Set(plan.map((activity) => activity.provider)).size).toBe(16);
  });

  it('schedules sessions on working days through the next semester, inside the measure period', () => {
    const days = plan.flatMap((activity) => activity.sessions.map((session) => session.startsAt.slice(0, 10)));
    expect(days.length).toBeGreaterThan(600);
    for (const day of days) {
      expect([0, 6]).not.toContain(new Date(`${day}T00:00:00Z`).getUTCDay());
      expect(isLatvianPublicHoliday(day)).toBe(false);
      expect(day > '2026-12-10' && day <= '2027-05-31').toBe(true);
    }
    expect(days.some((day) => day.startsWith('2027-05'))).toBe(true);
  });

  it('gives no days past the end of the measure, and spring starts reach into the autumn semester', () => {
    expect(demoSessionDays('2028-12-20')).toEqual(['2028-12-27', '2028-12-28', '2028-12-29']);
    const autumn = demoSessionDays('2027-04-01');
    expect(autumn.at(-1)!.startsWith('2027-12')).toBe(true);
    expect(autumn.some((day) => day.startsWith('2027-07') || day.startsWith('2027-08'))).toBe(false);
  });
});
