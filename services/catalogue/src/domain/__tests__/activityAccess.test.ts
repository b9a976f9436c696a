import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { DomainError, ErrorCode } from '@eq/shared/errors';
import { assertMaySubmit, assertMayWithdraw, mayViewActivity, providerOfNewActivity } from '../activityAccess';

const OWN = '6f1c2a7e-1d2b-4c3d-8e4f-5a6b7c8d9e01';
const OTHER = '6f1c2a7e-1d2b-4c3d-8e4f-5a6b7c8d9e02';
const isCode = (code: ErrorCode) => (error: unknown) => error instanceof DomainError && error.code === code;

const owner = { role: 'PROVIDER', providerId: OWN };
const otherProvider = { role: 'PROVIDER', providerId: OTHER };

describe('mayViewActivity', () => {
  it('shows a published activity to everyone, the public included', () => {
    for (const role of ['PUBLIC', 'SCHOOL', 'MUNICIPALITY', 'PROVIDER', 'OFFICER', 'FUND_ADMIN']) {
      expect(mayViewActivity({ role }, { providerId: OWN, status: 'PUBLISHED' })).toBe(true);
    }
  });

  it('shows unpublished activities only to their provider and the reviewers', () => {
    for (const status of ['DRAFT', 'SUBMITTED', 'RETURNED', 'WITHDRAWN']) {
      const activity = { providerId: OWN, status };
      expect(mayViewActivity({ role: 'PUBLIC' }, activity)).toBe(false);
      expect(mayViewActivity({ role: 'SCHOOL' }, activity)).toBe(false);
      expect(mayViewActivity(otherProvider, activity)).toBe(false);
      expect(mayViewActivity(owner, activity)).toBe(true);
      expect(mayViewActivity({ role: 'OFFICER' }, activity)).toBe(true);
      expect(mayViewActivity({ role: 'FUND_ADMIN' }, activity)).toBe(true);
    }
  });

  it('recognises the owner whatever the case of the id in its token', () => {
    expect(mayViewActivity({ role: 'PROVIDER', providerId: OWN.toUpperCase() }, { providerId: OWN, status: 'DRAFT' })).toBe(true);
  });
});

describe('assertMaySubmit', () => {
  it('lets only the owning provider submit', () => {
    assert.doesNotThrow(() => assertMaySubmit(owner, { providerId: OWN, status: 'DRAFT' }));
    assert.throws(() => assertMaySubmit(otherProvider, { providerId: OWN, status: 'DRAFT' }), isCode(ErrorCode.FORBIDDEN));
    assert.throws(() => assertMaySubmit({ role: 'OFFICER' }, { providerId: OWN, status: 'DRAFT' }), isCode(ErrorCode.FORBIDDEN));
  });
});

describe('assertMayWithdraw', () => {
  it('lets the owner or an OFFICER withdraw, no one else', () => {
    const activity = { providerId: OWN, status: 'PUBLISHED' };
    assert.doesNotThrow(() => assertMayWithdraw(owner, activity));
    assert.doesNotThrow(() => assertMayWithdraw({ role: 'OFFICER' }, activity));
    assert.throws(() => assertMayWithdraw(otherProvider, activity), isCode(ErrorCode.FORBIDDEN));
    assert.throws(() => assertMayWithdraw({ role: 'FUND_ADMIN' }, activity), isCode(ErrorCode.FORBIDDEN));
  });
});

describe('providerOfNewActivity', () => {
  it('creates for the provider named in a PROVIDER token', () => {
    expect(providerOfNewActivity(owner, null)).toBe(OWN);
    expect(providerOfNewActivity(owner, OWN)).toBe(OWN);
  });

  it('refuses a PROVIDER creating for another provider, or without a provider in its token', () => {
    assert.throws(() => providerOfNewActivity(owner, OTHER), isCode(ErrorCode.FORBIDDEN));
    assert.throws(() => providerOfNewActivity({ role: 'PROVIDER' }, null), isCode(ErrorCode.FORBIDDEN));
  });

  it('makes an OFFICER say which provider', () => {
    expect(providerOfNewActivity({ role: 'OFFICER' }, OTHER)).toBe(OTHER);
    assert.throws(() => providerOfNewActivity({ role: 'OFFICER' }, null), isCode(ErrorCode.VALIDATION_FAILED));
  });

  it('refuses other roles', () => {
    assert.throws(() => providerOfNewActivity({ role: 'SCHOOL' }, OWN), isCode(ErrorCode.FORBIDDEN));
  });
});
