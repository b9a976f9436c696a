import type { Context } from 'hono';
import { isUuid } from '@eq/shared/ids';
import { GatewayError, type GatewayClient } from '../../gateway/gatewayClient';
import { explainRefusal } from '../../gateway/refusalMessages';
import { CancelBookingDocument, SchoolBookingsDocument } from '../../generated/operations';
import { MyBookingsPage } from '../../pages/school/myBookingsPage';
import { calendarKeyOf, csrfTokenOf } from '../../school/formTokens';
import { signedInSchool } from '../../school/requireSchool';
import type { SiteEnv, SiteLogger } from '../../siteEnv';
import { refusalPage } from '../refusalPage';
import { renderPage } from '../renderPage';

type Notice = { text: string; error?: boolean };

/** Renders the school's bookings with a notice about what just happened. */
async function myBookingsPage(c: Context<SiteEnv>, gateway: GatewayClient, jwtSecret: string, notice?: Notice, status: 200 | 409 = 200) {
  const school = signedInSchool(c);
  const { institution } = await gateway.query(
    SchoolBookingsDocument,
    { institutionId: school.institutionId },
    { requestId: c.get('requestId'), token: school.token },
  );
  const bookings = institution?.bookings ?? [];
  const booked = c.req.query('pieteikts');
  const justBooked = booked ? bookings.find((booking) => booking.id === booked) : undefined;
  if (!notice && justBooked)
    notice = {
      text:
        justBooked.status === 'WAITING'
          ? `Brīvu vietu nav: pieteikums ir gaidīšanas rindā, ${justBooked.waitingPosition}. vietā.`
          : 'Pieteikums apstiprināts.',
    };
  if (!notice && c.req.query('atcelts') !== undefined) notice = { text: 'Pieteikums atcelts.' };
  const origin = new URL(c.req.url).origin;
  return renderPage(
    c,
    <MyBookingsPage
      schoolName={institution?.name ?? ''}
      csrfToken={csrfTokenOf(jwtSecret, school.token)}
      bookings={bookings}
      calendarUrl={`${origin}/skola/kalendars/${school.institutionId}/${calendarKeyOf(jwtSecret, school.institutionId)}.ics`}
      notice={notice}
    />,
    status,
  );
}

/** `GET /skola/pieteikumi`: the signed-in school's bookings. */
export function myBookingsRoute(gateway: GatewayClient, jwtSecret: string, logger: SiteLogger) {
  return async (c: Context<SiteEnv>) => {
    try {
      return await myBookingsPage(c, gateway, jwtSecret);
    } catch (error) {
      return refusalPage(c, error, logger);
    }
  };
}

/** `POST /skola/pieteikumi/:id/atcelt`: cancels one of the school's bookings (the catalogue checks it is the school's own). */
export function cancelBookingRoute(gateway: GatewayClient, jwtSecret: string, logger: SiteLogger) {
  return async (c: Context<SiteEnv>) => {
    const school = signedInSchool(c);
    const id = c.req.param('id') ?? '';
    try {
      try {
        if (!isUuid(id)) throw new GatewayError('not a booking id', 'NOT_FOUND');
        await gateway.query(CancelBookingDocument, { input: { id } }, { requestId: c.get('requestId'), token: school.token });
        return c.redirect('/skola/pieteikumi?atcelts', 303);
      } catch (error) {
        if (!(error instanceof GatewayError) || error.code === 'UNAVAILABLE') throw error;
        logger.warn({ requestId: c.get('requestId'), code: error.code, reason: error.reason }, 'cancellation refused');
        const message = error.code === 'NOT_FOUND' ? 'Šāds pieteikums nav atrodams.' : explainRefusal(error).message;
        return await myBookingsPage(c, gateway, jwtSecret, { text: message, error: true }, 409);
      }
    } catch (error) {
      return refusalPage(c, error, logger);
    }
  };
}
