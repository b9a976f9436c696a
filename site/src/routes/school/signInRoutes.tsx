import type { Context } from 'hono';
import { isUuid } from '@eq/shared/ids';
import type { GatewayClient } from '../../gateway/gatewayClient';
import { SchoolNameDocument, SignInSchoolsDocument } from '../../generated/operations';
import { ErrorPage } from '../../pages/errorPage';
import { SignInPage } from '../../pages/school/signInPage';
import { signInSchool, signOutSchool } from '../../school/schoolSession';
import type { SiteEnv, SiteLogger } from '../../siteEnv';
import { refusalPage } from '../refusalPage';
import { renderPage } from '../renderPage';

/** Schools listed on one sign-in page: enough to pick a demo school, a search finds the rest. */
const LISTED = 20;
/** The first search: the demo schools `npm start` gives locked learner counts (their names say "demo"), which can book. */
const DEMO_SCHOOLS = 'demo';

export interface SignInOptions {
  jwtSecret: string;
  secureCookies: boolean;
}

/** `GET /skola/pieteikties?q=`: the register's active institutions, searched by name. */
export function signInPageRoute(gateway: GatewayClient, logger: SiteLogger) {
  return async (c: Context<SiteEnv>) => {
    const search = (c.req.query('q') ?? DEMO_SCHOOLS).trim().slice(0, 100);
    try {
      const { institutions } = await gateway.query(
        SignInSchoolsDocument,
        { search: search || null, first: LISTED },
        { requestId: c.get('requestId') },
      );
      return renderPage(c, <SignInPage search={search} schools={institutions} />);
    } catch (error) {
      return refusalPage(c, error, logger);
    }
  };
}

/** `POST /skola/pieteikties`: signs in as the chosen school (development seam: the site mints its token). */
export function signInRoute(gateway: GatewayClient, options: SignInOptions, logger: SiteLogger) {
  return async (c: Context<SiteEnv>) => {
    const body = await c.req.parseBody();
    const id = typeof body.institutionId === 'string' ? body.institutionId : '';
    const unknown = () =>
      renderPage(c, <ErrorPage title="Skola nav atrasta" message="Šādas skolas reģistrā nav. Izvēlieties skolu no saraksta." />, 400);
    if (!isUuid(id)) return unknown();
    try {
      const { institution } = await gateway.query(SchoolNameDocument, { id }, { requestId: c.get('requestId') });
      if (!institution || institution.status !== 'ACTIVE') return unknown();
      await signInSchool(c, institution.id, options.jwtSecret, options.secureCookies);
      logger.info({ requestId: c.get('requestId'), institutionId: institution.id }, 'demo school signed in');
      return c.redirect('/skola/pieteikumi', 303);
    } catch (error) {
      return refusalPage(c, error, logger);
    }
  };
}

/** `POST /skola/iziet`: forgets the session cookie. */
export function signOutRoute(options: SignInOptions) {
  return (c: Context<SiteEnv>) => {
    signOutSchool(c, options.secureCookies);
    return c.redirect('/', 303);
  };
}
