import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { Role } from '@eq/shared/auth';
import { signCallerToken, verifyCallerToken } from '@eq/shared/jwt';
import type { SiteEnv } from '../siteEnv';

/** The signed-in school's cookie: its SCHOOL bearer token, which the browser never reads (HttpOnly). */
const COOKIE = 'eq_skola';
/** A working day: the token ends with the session, well inside the gateway's 24 h limit. */
const SESSION_SECONDS = 8 * 60 * 60;

/** The school a request acts for: the institution comes from the token, never from a form. */
export interface SignedInSchool {
  institutionId: string;
  /** The SCHOOL bearer token the site sends to the gateway on the school's behalf. */
  token: string;
}

/** Mints a SCHOOL token for the institution (the development seam, see README) and keeps it in the session cookie. */
export async function signInSchool(c: Context, institutionId: string, jwtSecret: string, secure: boolean): Promise<void> {
  const token = await signCallerToken(
    { role: Role.SCHOOL, institutionId, subject: `site-demo-school-${institutionId}` },
    jwtSecret,
    `${SESSION_SECONDS}s`,
  );
  setCookie(c, COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge: SESSION_SECONDS });
}

export function signOutSchool(c: Context, secure: boolean): void {
  deleteCookie(c, COOKIE, { path: '/', secure });
}

/** A short-lived SCHOOL token for one gateway call the site makes on a school's behalf (its calendar feed). */
export const schoolTokenFor = (institutionId: string, jwtSecret: string) =>
  signCallerToken({ role: Role.SCHOOL, institutionId, subject: `site-calendar-${institutionId}` }, jwtSecret, '5m');

/**
 * Reads the session cookie into `c.var.school`: a valid SCHOOL token signed with the gateway's
 * secret, or nothing (an expired or forged cookie is dropped, the visitor is simply signed out).
 */
export function schoolSession(jwtSecret: string, secure: boolean): MiddlewareHandler<SiteEnv> {
  return async (c, next) => {
    const token = getCookie(c, COOKIE);
    if (token) {
      try {
        const caller = await verifyCallerToken(token, jwtSecret);
        if (caller.role === Role.SCHOOL && caller.institutionId) c.set('school', { institutionId: caller.institutionId, token });
        else signOutSchool(c, secure);
      } catch {
        signOutSchool(c, secure);
      }
    }
    await next();
    // A page for a signed-in school is that school's alone: no shared cache may keep it.
    if (c.get('school') && !c.res.headers.has('cache-control')) c.header('Cache-Control', 'private, no-store');
  };
}
