import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { normaliseExclusionDecision, normaliseHigherEducationDecision } from '../higherEducationDecisions';
import { HIGHER_EDUCATION_KINDS, higherEducationKindLabelLv } from '../higherEducationKinds';
import { assertHigherEducationRegistrationNumber } from '../higherEducationRegistrationNumber';
import {
  assertCanExcludeBranch,
  assertCanOpenBranch,
  normaliseBranchPlace,
  normaliseHigherEducationFounder,
  normaliseHigherEducationName,
  planAmendment,
  type InstitutionFacts,
} from '../higherEducationRules';

const TODAY = '2024-06-15';

const institution = (overrides: Partial<InstitutionFacts> = {}): InstitutionFacts => ({
  name: 'Rēzeknes Tehnoloģiju akadēmija',
  founderKind: 'STATE',
  founderName: 'Izglītības un zinātnes ministrija',
  status: 'ACTIVE',
  registrationDecisionDate: '2020-03-01',
  ...overrides,
});

const place = { address: 'Atbrīvošanas aleja 115, Rēzekne', municipality: 'Rēzekne', planningRegion: 'LATGALE' as const };

describe('higher-education registration number', () => {
  it('accepts 10 digits, keeping leading zeros, and trims spaces', () => {
    expect(assertHigherEducationRegistrationNumber(' 0123456789 ')).toBe('0123456789');
  });

  it('refuses other lengths and non-digits with VALIDATION_FAILED on registrationNumber', () => {
    for (const bad of ['123456789', '12345678901', '33410-00218', 'LV34100218', '']) {
      assert.throws(
        () => assertHigherEducationRegistrationNumber(bad),
        { code: 'VALIDATION_FAILED', details: { field: 'registrationNumber' } },
        bad,
      );
    }
  });

  it('follows another numbering when given another policy', () => {
    const policy = { pattern: /^AR-\d{4}$/, description: 'AR- and 4 digits' };
    expect(assertHigherEducationRegistrationNumber('AR-0042', policy)).toBe('AR-0042');
    assert.throws(() => assertHigherEducationRegistrationNumber('3341000218', policy), /AR- and 4 digits/);
  });
});

describe('higher-education kinds', () => {
  it('give every kind its Latvian name, the college its name from the report', () => {
    expect(higherEducationKindLabelLv('COLLEGE')).toBe('koledža');
    expect(Object.keys(HIGHER_EDUCATION_KINDS).sort()).toStrictEqual([
      'ACADEMY',
      'COLLEGE',
      'UNIVERSITY',
      'UNIVERSITY_OF_APPLIED_SCIENCES',
    ]);
  });
});

describe('higher-education decisions', () => {
  it('trims the number and keeps a date up to today', () => {
    expect(normaliseHigherEducationDecision({ number: ' IKVD-AR-2024/3 ', date: TODAY }, TODAY)).toStrictEqual({
      number: 'IKVD-AR-2024/3',
      date: TODAY,
    });
  });

  it('refuses a decision dated after today, an impossible date and an empty number', () => {
    assert.throws(() => normaliseHigherEducationDecision({ number: '1', date: '2024-06-16' }, TODAY), {
      code: 'VALIDATION_FAILED',
      details: { field: 'decision.date' },
    });
    assert.throws(() => normaliseHigherEducationDecision({ number: '1', date: '2023-02-29' }, TODAY), { code: 'VALIDATION_FAILED' });
    assert.throws(() => normaliseHigherEducationDecision({ number: '  ', date: TODAY }, TODAY), {
      code: 'VALIDATION_FAILED',
      details: { field: 'decision.number' },
    });
  });

  it('refuses to exclude a branch without a reason', () => {
    assert.throws(() => normaliseExclusionDecision({ number: 'X-1', date: TODAY, reason: '   ' }, TODAY), {
      code: 'VALIDATION_FAILED',
      details: { field: 'decision.reason' },
    });
    expect(normaliseExclusionDecision({ number: 'X-1', date: TODAY, reason: ' Studijas vairs netiek īstenotas ' }, TODAY).reason).toBe(
      'Studijas vairs netiek īstenotas',
    );
  });
});

describe('names, founders and branch places', () => {
  it('collapse white space and bound their length', () => {
    expect(normaliseHigherEducationName('  Vidzemes   Augstskola ')).toBe('Vidzemes Augstskola');
    assert.throws(() => normaliseHigherEducationName('V'), { code: 'VALIDATION_FAILED', details: { field: 'name' } });
    assert.throws(() => normaliseHigherEducationFounder({ kind: 'LEGAL_PERSON', name: ' ' }), { details: { field: 'founder.name' } });
    assert.throws(() => normaliseBranchPlace({ ...place, municipality: '' }), { details: { field: 'municipality' } });
  });
});

describe('amending an institution', () => {
  const decision = { number: 'AR-2024/5', date: '2024-05-01' };

  it('logs each changed field with its old and new value, and nothing for unchanged ones', () => {
    const changes = planAmendment(
      institution(),
      { name: 'Rēzeknes Tehnoloģiju akadēmija', founder: { kind: 'LEGAL_PERSON', name: 'Izglītības un zinātnes ministrija' } },
      decision,
    );
    expect(changes).toStrictEqual([{ field: 'FOUNDER_KIND', oldValue: 'STATE', newValue: 'LEGAL_PERSON' }]);
    expect(planAmendment(institution(), { name: 'Latgales Tehnoloģiju universitāte' }, decision)).toStrictEqual([
      { field: 'NAME', oldValue: 'Rēzeknes Tehnoloģiju akadēmija', newValue: 'Latgales Tehnoloģiju universitāte' },
    ]);
  });

  it('refuses an amendment that changes nothing', () => {
    assert.throws(() => planAmendment(institution(), { name: ' Rēzeknes  Tehnoloģiju akadēmija ' }, decision), {
      code: 'VALIDATION_FAILED',
    });
    assert.throws(() => planAmendment(institution(), {}, decision), { code: 'VALIDATION_FAILED' });
  });

  it('refuses an amendment dated before the registration, and any amendment of an excluded institution', () => {
    assert.throws(() => planAmendment(institution(), { name: 'Cits nosaukums' }, { ...decision, date: '2020-02-29' }), {
      code: 'VALIDATION_FAILED',
      details: { field: 'decision.date' },
    });
    assert.throws(() => planAmendment(institution({ status: 'EXCLUDED' }), { name: 'Cits nosaukums' }, decision), { code: 'CONFLICT' });
  });
});

describe('opening a branch', () => {
  const decision = { number: 'AR-2024/7', date: '2024-02-01' };

  it('is allowed for an active institution at a new address', () => {
    assert.doesNotThrow(() => assertCanOpenBranch(institution(), place, decision, [{ address: 'Rīgas iela 1, Rēzekne' }]));
  });

  it('is refused at an address that already has an open branch, whatever its case and spacing', () => {
    assert.throws(() => assertCanOpenBranch(institution(), place, decision, [{ address: 'atbrīvošanas  aleja 115, rēzekne' }]), {
      code: 'CONFLICT',
    });
  });

  it('is refused before the institution was registered, and for an excluded institution', () => {
    assert.throws(() => assertCanOpenBranch(institution(), place, { ...decision, date: '2019-12-31' }, []), {
      code: 'VALIDATION_FAILED',
      details: { field: 'decision.date' },
    });
    assert.throws(() => assertCanOpenBranch(institution({ status: 'EXCLUDED' }), place, decision, []), { code: 'CONFLICT' });
  });
});

describe('excluding a branch', () => {
  const branch = { status: 'OPEN' as const, address: place.address, openedDecisionDate: '2022-09-01' };

  it('is allowed on or after the day the branch was opened', () => {
    assert.doesNotThrow(() => assertCanExcludeBranch(branch, { number: 'AR-2024/9', date: '2022-09-01' }));
  });

  it('is refused when dated before the opening', () => {
    assert.throws(() => assertCanExcludeBranch(branch, { number: 'AR-2024/9', date: '2022-08-31' }), {
      code: 'VALIDATION_FAILED',
      details: { field: 'decision.date' },
    });
  });

  it('is refused a second time with CONFLICT', () => {
    assert.throws(() => assertCanExcludeBranch({ ...branch, status: 'EXCLUDED' }, { number: 'AR-2024/10', date: '2024-01-01' }), {
      code: 'CONFLICT',
    });
  });
});
