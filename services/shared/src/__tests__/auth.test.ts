import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { decodeCaller, encodeCaller, mayReadPersonalData, PUBLIC_CALLER, requireRole, Role, type Caller } from '../auth';
import { DomainError, ErrorCode } from '../errors';

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe('caller header', () => {
  it('decodes exactly the caller that was encoded', () => {
    const school: Caller = {
      role: Role.SCHOOL,
      subject: 'teacher-7',
      institutionId: '8d0f1c2e-3b4a-4c5d-9e6f-7a8b9c0d1e2f',
    };
    expect(decodeCaller(encodeCaller(school))).toStrictEqual(school);
    const municipality: Caller = { role: Role.MUNICIPALITY, municipality: 'Rīgas valstspilsētas pašvaldība' };
    expect(decodeCaller(encodeCaller(municipality))).toStrictEqual(municipality);
  });

  it('treats a missing or empty header as PUBLIC', () => {
    expect(decodeCaller(undefined)).toStrictEqual(PUBLIC_CALLER);
    expect(decodeCaller('')).toStrictEqual(PUBLIC_CALLER);
  });

  it('treats a header that is not base64url JSON as PUBLIC', () => {
    expect(decodeCaller('%%%not-base64%%%')).toStrictEqual(PUBLIC_CALLER);
    expect(decodeCaller(base64url('{"role":"OFFICER"'))).toStrictEqual(PUBLIC_CALLER);
  });

  it('treats JSON that is not a valid caller as PUBLIC rather than trusting part of it', () => {
    expect(decodeCaller(base64url(JSON.stringify({ role: 'ADMIN' })))).toStrictEqual(PUBLIC_CALLER);
    expect(decodeCaller(base64url(JSON.stringify({ subject: 'no-role' })))).toStrictEqual(PUBLIC_CALLER);
    expect(decodeCaller(base64url(JSON.stringify({ role: 'SCHOOL', institutionId: 'not-a-uuid' })))).toStrictEqual(PUBLIC_CALLER);
    expect(decodeCaller(base64url(JSON.stringify(['OFFICER'])))).toStrictEqual(PUBLIC_CALLER);
    expect(decodeCaller(base64url('null'))).toStrictEqual(PUBLIC_CALLER);
  });
});

describe('requireRole', () => {
  it('lets a caller with one of the roles through', () => {
    assert.doesNotThrow(() => requireRole({ role: Role.OFFICER }, Role.OFFICER));
    assert.doesNotThrow(() => requireRole({ role: Role.SCHOOL }, Role.OFFICER, Role.SCHOOL));
  });

  it('refuses any other caller with FORBIDDEN naming the roles needed and the role held', () => {
    assert.throws(
      () => requireRole(PUBLIC_CALLER, Role.OFFICER, Role.FUND_ADMIN),
      (error: unknown) =>
        error instanceof DomainError &&
        error.code === ErrorCode.FORBIDDEN &&
        error.message.includes('OFFICER, FUND_ADMIN') &&
        error.message.includes('PUBLIC'),
    );
    assert.throws(
      () => requireRole({ role: Role.PROVIDER }, Role.SCHOOL),
      (error: unknown) => error instanceof DomainError && error.code === ErrorCode.FORBIDDEN,
    );
  });

  it('refuses everyone when no role is allowed', () => {
    assert.throws(
      () => requireRole({ role: Role.OFFICER }),
      (error: unknown) => error instanceof DomainError && error.code === ErrorCode.FORBIDDEN,
    );
  });
});

describe('mayReadPersonalData', () => {
  it('is true only for officers', () => {
    for (const role of Object.values(Role)) {
      expect(mayReadPersonalData({ role })).toBe(role === Role.OFFICER);
    }
  });
});
