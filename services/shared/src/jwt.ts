import { SignJWT, jwtVerify } from 'jose';
import { callerSchema, Role, type Caller } from './auth';
import { DomainError, ErrorCode } from './errors';

const ALGORITHM = 'HS256';
const ISSUER = 'education-quality-supergraph';

function keyOf(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** Mints a token for a caller (development CLI and tests; production tokens come from the IdP). */
export async function signCallerToken(caller: Caller, secret: string, expiresIn = '12h'): Promise<string> {
  const { role, subject, ...claims } = callerSchema.parse(caller);
  return new SignJWT({ role, ...claims })
    .setProtectedHeader({ alg: ALGORITHM })
    .setIssuer(ISSUER)
    .setSubject(subject ?? `dev-${role.toLowerCase()}`)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(keyOf(secret));
}

/** Longest a token may live (exp − iat) unless the gateway is configured otherwise: one working day and night. */
export const DEFAULT_TOKEN_MAX_LIFETIME_SECONDS = 24 * 60 * 60;

/**
 * Verifies a bearer token and returns the caller it speaks for. A bad, expired or
 * wrongly-claimed token is UNAUTHENTICATED: we never downgrade it silently to PUBLIC, so a
 * client learns that its credentials are broken. A token must say when it expires (`exp`)
 * and when it was issued (`iat`), and live at most `maxLifetimeSeconds`: a leaked token
 * without an end would otherwise be good for ever.
 */
export async function verifyCallerToken(
  token: string,
  secret: string,
  maxLifetimeSeconds = DEFAULT_TOKEN_MAX_LIFETIME_SECONDS,
): Promise<Caller> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), { algorithms: [ALGORITHM], issuer: ISSUER, requiredClaims: ['exp', 'iat'] });
    if (payload.exp! - payload.iat! > maxLifetimeSeconds) throw new Error('lives too long');
    const parsed = callerSchema.safeParse({ ...payload, subject: payload.sub });
    if (!parsed.success || parsed.data.role === Role.PUBLIC) throw new Error('bad claims');
    return parsed.data;
  } catch {
    throw new DomainError(ErrorCode.UNAUTHENTICATED, 'The bearer token is invalid or expired');
  }
}
