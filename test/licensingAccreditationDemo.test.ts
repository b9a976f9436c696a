import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { LICENSING_ACCREDITATION_2024 as F, planDemoInstitutions } from '../scripts/demo/licensingAccreditationDemo';

/** The demo plan against the 2024 figures it is sized from (pure: no servers). */
describe('licensing and accreditation demo data, sized from the 2024 figures', () => {
  const plan = planDemoInstitutions();
  const licences = plan.flatMap((institution) => (institution.licence ? [institution.licence] : []));
  const count = (level: string, kind?: string) => licences.filter((l) => l.level === level && (!kind || l.kind === kind)).length;

  it('licenses the general programmes of 2024 by level and kind', () => {
    expect([
      count('PRESCHOOL'),
      count('PRESCHOOL', 'SPECIAL'),
      count('BASIC'),
      count('BASIC', 'SPECIAL'),
      count('BASIC', 'INTERNATIONAL'),
      count('BASIC', 'DISTANCE_LEARNING'),
      count('SECONDARY'),
      count('SECONDARY', 'INTERNATIONAL'),
    ]).toStrictEqual([
      F.preschool.total,
      F.preschool.special,
      F.basic.total,
      F.basic.special,
      F.basic.international,
      F.basic.distanceLearning,
      F.secondary.total,
      F.secondary.internationalBaccalaureate,
    ]);
  });

  it('licenses the itemised vocational programmes and their derived registrations', () => {
    expect(
      ['VOCATIONAL_INITIAL', 'VOCATIONAL_CONTINUING', 'PROFESSIONAL_DEVELOPMENT', 'PROFESSIONAL_ORIENTATION'].map((kind) =>
        count('VOCATIONAL', kind),
      ),
    ).toStrictEqual([
      F.vocational.initial,
      F.vocational.continuing,
      F.vocational.professionalDevelopment,
      F.vocational.professionalOrientation,
    ]);
    expect(licences.reduce((sum, l) => sum + l.derived, 0)).toBe(F.derivedRegistrations);
  });

  it('accredits as many general and vocational institutions as 2024 did, and evaluates as many heads per category', () => {
    const heads = (category: string) => plan.filter((p) => p.headCategory === category).reduce((sum, p) => sum + p.headEvaluations, 0);
    // Pre-schools are licensed and their heads evaluated, but not accredited (source 004).
    expect(plan.filter((p) => p.headCategory === 'GENERAL').length).toBe(F.accreditation.general);
    expect(plan.filter((p) => p.type === 'PRESCHOOL').length).toBe(F.preschool.total);
    expect(plan.filter((p) => p.headCategory === 'VOCATIONAL').length).toBe(F.accreditation.vocational);
    expect([heads('PRESCHOOL'), heads('GENERAL'), heads('VOCATIONAL')]).toStrictEqual([
      F.heads.preschool,
      F.heads.general,
      F.heads.vocational,
    ]);
  });

  it('gives a second implementation place to as many licensed institutions as 2024 added places', () => {
    expect(plan.filter((p) => p.twoPlaces).length).toBe(F.newImplementationPlace);
    assert.ok(plan.every((p) => !p.twoPlaces || p.licence));
  });
});
