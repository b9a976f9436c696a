import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { DomainError, ErrorCode } from '@eq/shared/errors';
import { assertProviderMayOffer, validateProvider } from '../providerRules';

const INSTITUTION = '0b7a3c52-8f4d-4e1a-9c2b-3d4e5f6a7b8c';
const active = { name: 'Cēsu Valsts ģimnāzija', status: 'ACTIVE' };
const isCode = (code: ErrorCode) => (error: unknown) => error instanceof DomainError && error.code === code;

describe('validateProvider', () => {
  it('registers an outside organisation by its name', () => {
    expect(validateProvider({ kind: 'MUSEUM', name: '  Latvijas  Dabas muzejs ' }, null)).toStrictEqual({
      kind: 'MUSEUM',
      name: 'Latvijas Dabas muzejs',
      institutionId: null,
    });
  });

  it('needs a name for an outside organisation and refuses an institution reference for it', () => {
    assert.throws(() => validateProvider({ kind: 'COMPANY', name: ' ' }, null), isCode(ErrorCode.VALIDATION_FAILED));
    assert.throws(
      () => validateProvider({ kind: 'COMPANY', name: 'SIA Robo', institutionId: INSTITUTION }, active),
      isCode(ErrorCode.VALIDATION_FAILED),
    );
  });

  it("registers an institution under the register's name unless another is given", () => {
    expect(validateProvider({ kind: 'INSTITUTION', institutionId: INSTITUTION }, active).name).toBe('Cēsu Valsts ģimnāzija');
    expect(validateProvider({ kind: 'INSTITUTION', institutionId: INSTITUTION, name: 'CVĢ STEM centrs' }, active).name).toBe(
      'CVĢ STEM centrs',
    );
  });

  it('needs the institution reference for kind INSTITUTION', () => {
    assert.throws(() => validateProvider({ kind: 'INSTITUTION', name: 'Skola' }, null), isCode(ErrorCode.VALIDATION_FAILED));
  });

  it('refuses an institution the register has not announced (NOT_FOUND) or has liquidated (CONFLICT)', () => {
    assert.throws(() => validateProvider({ kind: 'INSTITUTION', institutionId: INSTITUTION }, null), isCode(ErrorCode.NOT_FOUND));
    assert.throws(
      () => validateProvider({ kind: 'INSTITUTION', institutionId: INSTITUTION }, { ...active, status: 'LIQUIDATED' }),
      isCode(ErrorCode.CONFLICT),
    );
  });
});

describe('assertProviderMayOffer', () => {
  it('lets outside organisations and active institutions offer activities', () => {
    assert.doesNotThrow(() => assertProviderMayOffer({ name: 'Muzejs', kind: 'MUSEUM' }, null));
    assert.doesNotThrow(() => assertProviderMayOffer({ name: 'Skola', kind: 'INSTITUTION' }, active));
  });

  it('refuses new activities from a liquidated institution', () => {
    assert.throws(
      () => assertProviderMayOffer({ name: 'Skola', kind: 'INSTITUTION' }, { ...active, status: 'LIQUIDATED' }),
      isCode(ErrorCode.CONFLICT),
    );
  });
});
