import type { Context, MiddlewareHandler } from 'hono';
import type { SiteEnv } from '../siteEnv';
import { isCsrfTokenOf } from './formTokens';
import type { SignedInSchool } from './schoolSession';
import { ErrorPage } from '../pages/errorPage';
import { renderPage } from '../routes/renderPage';

/** The signed-in school of a route behind `requireSchool` (set by `schoolSession`). */
export const signedInSchool = (c: Context<SiteEnv>): SignedInSchool => c.get('school')!;

/** Pages of the school area: a visitor who is not signed in as a school is sent to sign in first. */
export const requireSchool: MiddlewareHandler<SiteEnv> = async (c, next) => {
  if (!c.get('school')) return c.redirect('/skola/pieteikties', 303);
  await next();
};

/**
 * Every POST of a signed-in school carries its session's CSRF token (a hidden `csrf` field):
 * a form another site makes the browser send lacks it and changes nothing.
 */
export function requireCsrfToken(jwtSecret: string): MiddlewareHandler<SiteEnv> {
  return async (c, next) => {
    const school = c.get('school');
    if (!school) return c.redirect('/skola/pieteikties', 303);
    const body = await c.req.parseBody();
    const given = typeof body.csrf === 'string' ? body.csrf : undefined;
    if (!isCsrfTokenOf(jwtSecret, school.token, given))
      return renderPage(
        c,
        <ErrorPage
          title="Forma nav derīga"
          message="Forma ir novecojusi vai nav nosūtīta no šīs vietnes. Atveriet lapu vēlreiz un mēģiniet vēlreiz."
        />,
        403,
      );
    await next();
  };
}
