import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { assertLicenceAttributes, defaultKind } from '../licenceKinds';

const permit = { number: 'LM-2024/7', issuedOn: '2024-06-01' };
const proof = { number: 'IBO-2023/112', issuedOn: '2023-05-10' };
const failsOn = (field: string) => (error: any) => error.code === 'VALIDATION_FAILED' && error.details.field === field;

describe('licence kinds and their attributes', () => {
  it('accepts a general basic programme with no kind-specific attributes', () => {
    expect(assertLicenceAttributes({ kind: 'GENERAL', level: 'BASIC' })).toStrictEqual({
      kind: 'GENERAL',
      level: 'BASIC',
      specialNeedsCategory: null,
      internationalProgramme: null,
      latvianStudiesPermit: null,
      accreditationProof: null,
      professionalOrientationField: null,
      derivedFromId: null,
    });
  });

  it('requires the disorder category of a special-needs programme', () => {
    assert.throws(() => assertLicenceAttributes({ kind: 'SPECIAL', level: 'PRESCHOOL' }), failsOn('specialNeedsCategory'));
    expect(
      assertLicenceAttributes({ kind: 'SPECIAL', level: 'PRESCHOOL', specialNeedsCategory: 'LANGUAGE_DISORDERS' }).specialNeedsCategory,
    ).toBe('LANGUAGE_DISORDERS');
  });

  it('refuses an international programme without its Latvijas mācība permit or accreditation proof', () => {
    assert.throws(
      () =>
        assertLicenceAttributes({ kind: 'INTERNATIONAL', level: 'SECONDARY', internationalProgramme: 'IB_DP', accreditationProof: proof }),
      failsOn('latvianStudiesPermit'),
    );
    assert.throws(
      () =>
        assertLicenceAttributes({
          kind: 'INTERNATIONAL',
          level: 'SECONDARY',
          internationalProgramme: 'IB_DP',
          latvianStudiesPermit: permit,
        }),
      failsOn('accreditationProof'),
    );
    assert.throws(
      () => assertLicenceAttributes({ kind: 'INTERNATIONAL', level: 'SECONDARY', latvianStudiesPermit: permit, accreditationProof: proof }),
      failsOn('internationalProgramme'),
    );
    const dp = assertLicenceAttributes({
      kind: 'INTERNATIONAL',
      level: 'SECONDARY',
      internationalProgramme: 'IB_DP',
      latvianStudiesPermit: permit,
      accreditationProof: proof,
    });
    expect([dp.internationalProgramme, dp.latvianStudiesPermit, dp.accreditationProof]).toStrictEqual(['IB_DP', permit, proof]);
  });

  it('ties each IB programme to its level: PYP and MYP basic, DP secondary', () => {
    const ib = (internationalProgramme: any, level: any) => () =>
      assertLicenceAttributes({
        kind: 'INTERNATIONAL',
        level,
        internationalProgramme,
        latvianStudiesPermit: permit,
        accreditationProof: proof,
      });
    assert.doesNotThrow(ib('IB_PYP', 'BASIC'));
    assert.doesNotThrow(ib('IB_MYP', 'BASIC'));
    assert.throws(ib('IB_MYP', 'SECONDARY'), failsOn('level'));
    assert.throws(ib('IB_DP', 'BASIC'), failsOn('level'));
  });

  it('refuses a permit on a licence that is not international', () => {
    assert.throws(
      () => assertLicenceAttributes({ kind: 'GENERAL', level: 'BASIC', latvianStudiesPermit: permit }),
      failsOn('latvianStudiesPermit'),
    );
  });

  it('keeps vocational kinds at the vocational level and general kinds off it', () => {
    assert.throws(() => assertLicenceAttributes({ kind: 'VOCATIONAL_INITIAL', level: 'SECONDARY' }), failsOn('level'));
    assert.throws(() => assertLicenceAttributes({ kind: 'GENERAL', level: 'VOCATIONAL' }), failsOn('level'));
    assert.doesNotThrow(() => assertLicenceAttributes({ kind: 'MODULAR', level: 'VOCATIONAL' }));
  });

  it('refuses distance learning for pre-school programmes', () => {
    assert.throws(() => assertLicenceAttributes({ kind: 'DISTANCE_LEARNING', level: 'PRESCHOOL' }), failsOn('level'));
    assert.doesNotThrow(() => assertLicenceAttributes({ kind: 'DISTANCE_LEARNING', level: 'BASIC' }));
  });

  it('requires the field of a professional orientation programme and the source of a derived registration', () => {
    assert.throws(
      () => assertLicenceAttributes({ kind: 'PROFESSIONAL_ORIENTATION', level: 'VOCATIONAL' }),
      failsOn('professionalOrientationField'),
    );
    expect(
      assertLicenceAttributes({ kind: 'PROFESSIONAL_ORIENTATION', level: 'VOCATIONAL', professionalOrientationField: 'DANCE' })
        .professionalOrientationField,
    ).toBe('DANCE');
    assert.throws(() => assertLicenceAttributes({ kind: 'DERIVED', level: 'VOCATIONAL' }), failsOn('derivedFromId'));
  });
});

describe('the kind of a licence issued without one', () => {
  it('is VOCATIONAL_INITIAL for a vocational programme and GENERAL otherwise, and passes the kind rules', () => {
    for (const level of ['PRESCHOOL', 'BASIC', 'SECONDARY', 'VOCATIONAL'] as const) {
      assert.doesNotThrow(() => assertLicenceAttributes({ kind: defaultKind(level), level }));
    }
    expect(defaultKind('VOCATIONAL')).toBe('VOCATIONAL_INITIAL');
    expect(defaultKind('BASIC')).toBe('GENERAL');
  });
});
