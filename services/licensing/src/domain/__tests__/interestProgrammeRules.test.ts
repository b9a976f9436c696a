import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { assertInterestProgramme, mayRegisterFor } from '../interestProgrammeRules';

const draft = { name: 'Robotika', classifierCode: 'AT_MECHATRONICS', startsOn: '2024-09-01', annualTargetedSubsidyCents: 120_000 };
const field = (name: string) => (error: any) => error.code === 'VALIDATION_FAILED' && error.details.field === name;

describe('interest-education programme rules', () => {
  it('takes the classifier entry valid on the first day, with its area', () => {
    const valid = assertInterestProgramme(draft);
    expect([valid.entry.code, valid.entry.area, valid.endsOn]).toStrictEqual(['AT_MECHATRONICS', 'AT', null]);
  });

  it('refuses an end before the start, a negative or fractional subsidy, and a retired entry', () => {
    assert.throws(() => assertInterestProgramme({ ...draft, endsOn: '2024-08-31' }), field('endsOn'));
    assert.throws(() => assertInterestProgramme({ ...draft, annualTargetedSubsidyCents: -1 }), field('annualTargetedSubsidyCents'));
    assert.throws(() => assertInterestProgramme({ ...draft, annualTargetedSubsidyCents: 10.5 }), field('annualTargetedSubsidyCents'));
    assert.throws(() => assertInterestProgramme({ ...draft, classifierCode: 'RETIRED_OTHER_PROGRAMMES' }), field('classifierCode'));
  });

  it('lets a municipality register for institutions it founded or that teach in its territory', () => {
    const institution = {
      founder: { municipality: 'Valmieras novads' },
      implementationPlaces: [{ municipality: 'Valmieras novads' }, { municipality: 'Cēsu novads' }],
    };
    expect(mayRegisterFor('Valmieras novads', institution)).toBe(true);
    expect(mayRegisterFor('Cēsu novads', institution)).toBe(true);
    expect(mayRegisterFor('Siguldas novads', institution)).toBe(false);
  });
});
