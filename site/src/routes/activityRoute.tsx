import type { Context } from 'hono';
import type { SiteEnv, SiteLogger } from '../siteEnv';
import { isUuid } from '@eq/shared/ids';
import type { GatewayClient } from '../gateway/gatewayClient';
import { ActivityPageDocument } from '../generated/operations';
import { ActivityPage } from '../pages/activityPage';
import { ErrorPage } from '../pages/errorPage';
import { refusalPage } from './refusalPage';
import { renderPage } from './renderPage';

const notFound = (c: Context) =>
  renderPage(
    c,
    <ErrorPage title="Nav atrasts" message="Šāda norise katalogā nav atrodama. Varbūt tā ir atsaukta vai saite ir kļūdaina." />,
    404,
  );

/**
 * `GET /norises/:id`: one published activity and its sessions from now on; a signed-in school
 * gets a booking link per session (the page itself is asked for as PUBLIC, so it stays cacheable).
 */
export function activityRoute(gateway: GatewayClient, schoolArea: boolean, logger: SiteLogger) {
  return async (c: Context<SiteEnv>) => {
    const id = c.req.param('id') ?? '';
    if (!isUuid(id)) return notFound(c);
    try {
      // With the school area on, a signed-in school's page has booking links: caches must tell the two apart.
      if (schoolArea) c.header('Vary', 'Cookie', { append: true });
      const { activity } = await gateway.query(
        ActivityPageDocument,
        { id, sessionsFrom: new Date().toISOString() },
        { requestId: c.get('requestId') },
      );
      return activity
        ? renderPage(c, <ActivityPage activity={activity} booking={!schoolArea ? 'off' : c.get('school') ? 'signedIn' : 'signedOut'} />)
        : notFound(c);
    } catch (error) {
      return refusalPage(c, error, logger);
    }
  };
}
