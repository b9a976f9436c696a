import type { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import type { GatewayClient } from '../gateway/gatewayClient';
import { bookingFormRoute, bookSessionRoute } from '../routes/school/bookingRoutes';
import { calendarRoute } from '../routes/school/calendarRoute';
import { cancelBookingRoute, myBookingsRoute } from '../routes/school/myBookingsRoutes';
import { signInPageRoute, signInRoute, signOutRoute, type SignInOptions } from '../routes/school/signInRoutes';
import type { SiteEnv, SiteLogger } from '../siteEnv';
import { requireCsrfToken, requireSchool } from './requireSchool';
import { schoolSession } from './schoolSession';

/**
 * The school area (SCHOOL): sign-in, booking, the school's bookings and calendar. Every POST must
 * come from the site's own pages (Origin check) and, once signed in, carry the session's CSRF token.
 */
export function mountSchoolArea(app: Hono<SiteEnv>, gateway: GatewayClient, options: SignInOptions, logger: SiteLogger): void {
  const { jwtSecret } = options;
  app.use('*', schoolSession(jwtSecret, options.secureCookies));
  app.use('/skola/*', csrf());
  app.get('/skola/pieteikties', signInPageRoute(gateway, logger));
  app.post('/skola/pieteikties', signInRoute(gateway, options, logger));
  app.post('/skola/iziet', requireCsrfToken(jwtSecret), signOutRoute(options));
  app.get('/skola/pieteikt/:sessionId', requireSchool, bookingFormRoute(gateway, jwtSecret, logger));
  app.post('/skola/pieteikt/:sessionId', requireCsrfToken(jwtSecret), bookSessionRoute(gateway, jwtSecret, logger));
  app.get('/skola/pieteikumi', requireSchool, myBookingsRoute(gateway, jwtSecret, logger));
  app.post('/skola/pieteikumi/:id/atcelt', requireCsrfToken(jwtSecret), cancelBookingRoute(gateway, jwtSecret, logger));
  app.get('/skola/kalendars/:institutionId/:file', calendarRoute(gateway, jwtSecret, logger));
}
