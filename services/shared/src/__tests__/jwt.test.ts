import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';
import { Role, type Caller } from '../auth';
import { DomainError, ErrorCode } from '../errors';
import { signCallerToken, verifyCallerToken } from '../jwt';

const SECRET = 'unit-test-secret-that-is-long-enough-for-hs256';

const unauthenticated = (error: unknown) =>
  error instanceof DomainError && error.code === ErrorCode.UNAUTHENTICATED && error.message === 'The bearer token is invalid or expired';

describe('caller tokens', () => {
  it('verify to the caller they were signed for', async () => {
    const provider: Caller = { role: Role.PROVIDER, subject: 'provider-admin', providerId: '0b7e3c1a-5d2f-4e8a-9b6c-1d2e3f4a5b6c' };
    expect(await verifyCallerToken(await signCallerToken(provider, SECRET), SECRET)).toStrictEqual(provider);
  });

  it('get a default subject from the role when none is given', async () => {
    const caller = await verifyCallerToken(await signCallerToken({ role: Role.OFFICER }, SECRET), SECRET);
    expect(caller).toStrictEqual({ role: Role.OFFICER, subject: 'dev-officer' });
  });

  it('are UNAUTHENTICATED under another secret', async () => {
    const token = await signCallerToken({ role: Role.OFFICER }, 'another-secret-that-is-also-long-enough');
    await assert.rejects(verifyCallerToken(token, SECRET), unauthenticated);
  });

  it('are UNAUTHENTICATED once expired', async () => {
    const token = await signCallerToken({ role: Role.OFFICER }, SECRET, '-1m');
    await assert.rejects(verifyCallerToken(token, SECRET), unauthenticated);
  });

  it('are UNAUTHENTICATED when they claim the PUBLIC role, rather than downgraded silently', async () => {
    const token = await signCallerToken({ role: Role.PUBLIC }, SECRET);
    await assert.rejects(verifyCallerToken(token, SECRET), unauthenticated);
  });

  it('are UNAUTHENTICATED when the role claim is unknown or missing', async () => {
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer('education-quality-supergraph')
        .setSubject('someone')
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(SECRET));
    await assert.rejects(verifyCallerToken(await sign({ role: 'ADMIN' }), SECRET), unauthenticated);
    await assert.rejects(verifyCallerToken(await sign({}), SECRET), unauthenticated);
  });

  it('are UNAUTHENTICATED from another issuer', async () => {
    const token = await new SignJWT({ role: Role.OFFICER })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('someone-else')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    await assert.rejects(verifyCallerToken(token, SECRET), unauthenticated);
  });

  it('are UNAUTHENTICATED when the text is not a JWT at all', async () => {
    await assert.rejects(verifyCallerToken('not.a.jwt', SECRET), unauthenticated);
    await assert.rejects(verifyCallerToken('', SECRET), unauthenticated);
  });

  it('are UNAUTHENTICATED without exp or iat, or living longer than the maximum lifetime', async () => {
    const sign = (build: (jwt: SignJWT) => SignJWT) =>
      build(
        new SignJWT({ role: Role.OFFICER })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer('education-quality-supergraph')
          .setSubject('officer'),
      ).sign(new TextEncoder().encode(SECRET));
    await assert.rejects(verifyCallerToken(await sign((jwt) => jwt.setIssuedAt()), SECRET), unauthenticated);
    await assert.rejects(verifyCallerToken(await sign((jwt) => jwt.setExpirationTime('1h')), SECRET), unauthenticated);
    await assert.rejects(verifyCallerToken(await signCallerToken({ role: Role.OFFICER }, SECRET, '25h'), SECRET), unauthenticated);
    await assert.rejects(verifyCallerToken(await signCallerToken({ role: Role.OFFICER }, SECRET, '2h'), SECRET, 3_600), unauthenticated);
    expect((await verifyCallerToken(await signCallerToken({ role: Role.OFFICER }, SECRET, '24h'), SECRET)).role).toBe(Role.OFFICER);
  });
});
