import type { Context } from 'hono';
import { isUuid } from '@eq/shared/ids';
import type { GatewayClient } from '../../gateway/gatewayClient';
import { SchoolCalendarDocument } from '../../generated/operations';
import { isCalendarKeyOf } from '../../school/formTokens';
import { schoolTokenFor } from '../../school/schoolSession';
import type { SiteEnv, SiteLogger } from '../../siteEnv';

/**
 * `GET /skola/kalendars/:institutionId/:key.ics`: the school's bookings as an iCalendar feed for
 * calendar apps, which send no cookies: the unguessable key in the address (a keyed digest of the
 * school's id) is the credential, and the site asks the gateway with a short-lived token of that
 * school. Anyone who holds the address reads that school's calendar, and nothing else.
 */
export function calendarRoute(gateway: GatewayClient, jwtSecret: string, logger: SiteLogger) {
  return async (c: Context<SiteEnv>) => {
    const institutionId = c.req.param('institutionId') ?? '';
    const key = c.req.param('file')?.replace(/\.ics$/, '');
    if (!isUuid(institutionId) || !isCalendarKeyOf(jwtSecret, institutionId, key)) return c.text('Kalendārs nav atrasts.', 404);
    try {
      const token = await schoolTokenFor(institutionId, jwtSecret);
      const { schoolBookingsCalendar } = await gateway.query(
        SchoolCalendarDocument,
        { institutionId },
        { requestId: c.get('requestId'), token },
      );
      return c.body(schoolBookingsCalendar, 200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'inline; filename="pieteikumi.ics"',
        'cache-control': 'private, max-age=300',
      });
    } catch (error) {
      logger.warn({ requestId: c.get('requestId'), institutionId, err: error }, 'calendar unavailable');
      return c.text('Kalendārs pašlaik nav pieejams.', 503);
    }
  };
}
