import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { assertCodedReason, CHILDCARE_EXCLUSION_REASONS, CHILDCARE_REFUSAL_REASONS } from '../childcareReasons';

describe('child-minders’ refusal and exclusion reasons', () => {
  it('carry the Latvian labels of source 004 for liquidated founders and discontinued service', () => {
    expect(CHILDCARE_EXCLUSION_REASONS.FOUNDER_LIQUIDATED).toBe('Dibinātājs likvidēts');
    expect(CHILDCARE_EXCLUSION_REASONS.SERVICE_DISCONTINUED).toBe('Pārtraukta pakalpojuma sniegšana');
    for (const label of [...Object.values(CHILDCARE_EXCLUSION_REASONS), ...Object.values(CHILDCARE_REFUSAL_REASONS)]) {
      assert.ok(label.trim().length > 0);
    }
  });

  it('take a code with optional free text, whitespace collapsed', () => {
    expect(assertCodedReason('FOUNDER_LIQUIDATED', null)).toStrictEqual({ code: 'FOUNDER_LIQUIDATED', text: null });
    expect(assertCodedReason('SERVICE_DISCONTINUED', '  Iesniegums   2024-06-20 ')).toStrictEqual({
      code: 'SERVICE_DISCONTINUED',
      text: 'Iesniegums 2024-06-20',
    });
  });

  it('need the text for OTHER, and refuse text shorter than 2 characters', () => {
    assert.throws(() => assertCodedReason('OTHER', undefined), { code: 'VALIDATION_FAILED', details: { field: 'reasonText' } });
    assert.throws(() => assertCodedReason('OTHER', ' x '), { code: 'VALIDATION_FAILED', details: { field: 'reasonText' } });
    expect(assertCodedReason('OTHER', 'Cits').text).toBe('Cits');
  });
});
