import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  assertApplicationStep,
  assertLicenceAccreditable,
  assertPastOrToday,
  assertRefusalReason,
  placesOfApplication,
} from '../applicationRules';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return 'no error';
};

const places = [
  { id: 'p1', address: 'Skolas iela 1, Rīga' },
  { id: 'p2', address: 'Meža iela 4, Ogre' },
];

describe('an application lists every implementation place', () => {
  it('takes the register\'s places when the applicant lists none', () => {
    assert.deepEqual(placesOfApplication(places, undefined), places);
    assert.deepEqual(placesOfApplication(places, []), places);
  });

  it('accepts a list naming every place, in any order', () => {
    assert.deepEqual(placesOfApplication(places, ['p2', 'p1']), places);
  });

  it('refuses a list that leaves a place out, naming its address', () => {
    assert.throws(() => placesOfApplication(places, ['p1']), (error: any) => error.code === 'VALIDATION_FAILED' && /Meža iela 4, Ogre/.test(error.message));
  });

  it('refuses a place the register does not know', () => {
    assert.equal(code(() => placesOfApplication(places, ['p1', 'p2', 'p3'])), 'VALIDATION_FAILED');
  });

  it('refuses an institution without any place as a conflict', () => {
    assert.equal(code(() => placesOfApplication([], undefined)), 'CONFLICT');
  });
});

describe('a programme is accredited by an active licence of the institution', () => {
  const licence = { id: 'l1', institutionId: 'i1', programmeCode: '21011111', status: 'ACTIVE' };
  it('accepts an active licence of the institution', () => assert.equal(assertLicenceAccreditable(licence, 'l1', 'i1'), licence));
  it('refuses an unknown licence', () => assert.equal(code(() => assertLicenceAccreditable(null, 'l1', 'i1')), 'NOT_FOUND'));
  it("refuses another institution's licence", () => assert.equal(code(() => assertLicenceAccreditable(licence, 'l1', 'i2')), 'VALIDATION_FAILED'));
  it('refuses a revoked licence', () => assert.equal(code(() => assertLicenceAccreditable({ ...licence, status: 'REVOKED' }, 'l1', 'i1')), 'CONFLICT'));
});

describe('the steps of an application', () => {
  it('evaluates only a submitted application', () => {
    assert.equal(code(() => assertApplicationStep('SUBMITTED', 'evaluate')), 'no error');
    assert.equal(code(() => assertApplicationStep('EVALUATED', 'evaluate')), 'CONFLICT');
  });

  it('decides only after the evaluation, and says so', () => {
    assert.equal(code(() => assertApplicationStep('EVALUATED', 'decide')), 'no error');
    assert.throws(() => assertApplicationStep('SUBMITTED', 'decide'), /record its evaluation first/);
  });

  it('refuses before or after the evaluation, never after a decision or closing', () => {
    assert.equal(code(() => assertApplicationStep('SUBMITTED', 'refuse')), 'no error');
    assert.equal(code(() => assertApplicationStep('EVALUATED', 'refuse')), 'no error');
    for (const final of ['ACCREDITED', 'REFUSED', 'CLOSED']) assert.equal(code(() => assertApplicationStep(final, 'refuse')), 'CONFLICT');
  });

  it('needs a reason for a refusal', () => {
    assert.equal(code(() => assertRefusalReason('  ')), 'VALIDATION_FAILED');
    assert.equal(assertRefusalReason(' Self-assessment report not published '), 'Self-assessment report not published');
  });

  it('refuses dates after today', () => {
    assert.equal(assertPastOrToday('2024-10-01', '2024-10-01', 'submittedOn'), '2024-10-01');
    assert.equal(code(() => assertPastOrToday('2024-10-02', '2024-10-01', 'submittedOn')), 'VALIDATION_FAILED');
    assert.equal(code(() => assertPastOrToday('2024-02-30', '2024-10-01', 'submittedOn')), 'VALIDATION_FAILED');
  });
});
