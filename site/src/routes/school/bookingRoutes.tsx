import type { Context } from 'hono';
import { z } from 'zod';
import { isUuid } from '@eq/shared/ids';
import { GatewayError, type GatewayClient } from '../../gateway/gatewayClient';
import { explainRefusal } from '../../gateway/refusalMessages';
import { BookingFormDocument, BookSessionDocument, SchoolFundingDocument } from '../../generated/operations';
import { ErrorPage } from '../../pages/errorPage';
import { BookingPage, type BookingFormState } from '../../pages/school/bookingPage';
import { csrfTokenOf } from '../../school/formTokens';
import { signedInSchool } from '../../school/requireSchool';
import type { SiteEnv, SiteLogger } from '../../siteEnv';
import { refusalPage } from '../refusalPage';
import { renderPage } from '../renderPage';

/** The form's two fields; the institution is never one of them (it comes from the session's token). */
const bookingForm = z.object({
  grade: z.coerce.number().int().min(0).max(12),
  pupils: z.coerce.number().int().min(1).max(10_000),
});

const sessionNotFound = (c: Context<SiteEnv>) =>
  renderPage(c, <ErrorPage title="Nav atrasts" message="Šāda nodarbība nav atrodama. Varbūt tā ir atcelta vai saite ir kļūdaina." />, 404);

/** Renders the booking page for the session, with the form's last values and refusal, if any. */
async function bookingPage(
  c: Context<SiteEnv>,
  gateway: GatewayClient,
  jwtSecret: string,
  form: BookingFormState,
  status: 200 | 400 | 403 | 409 = 200,
) {
  const school = signedInSchool(c);
  const sessionId = c.req.param('sessionId') ?? '';
  if (!isUuid(sessionId)) return sessionNotFound(c);
  const { activitySession, institution } = await gateway.query(
    BookingFormDocument,
    { sessionId, institutionId: school.institutionId },
    { requestId: c.get('requestId'), token: school.token },
  );
  if (!activitySession || !institution) return sessionNotFound(c);
  const funding = await gateway.query(
    SchoolFundingDocument,
    { institutionId: school.institutionId, semester: activitySession.semester },
    { requestId: c.get('requestId'), token: school.token },
  );
  return renderPage(
    c,
    <BookingPage
      schoolName={institution.name}
      csrfToken={csrfTokenOf(jwtSecret, school.token)}
      session={activitySession}
      funding={funding.institution?.semesterFunding ?? null}
      form={form}
    />,
    status,
  );
}

/** `GET /skola/pieteikt/:sessionId`: the booking form for a signed-in school. */
export function bookingFormRoute(gateway: GatewayClient, jwtSecret: string, logger: SiteLogger) {
  return async (c: Context<SiteEnv>) => {
    try {
      return await bookingPage(c, gateway, jwtSecret, {});
    } catch (error) {
      return refusalPage(c, error, logger);
    }
  };
}

/**
 * `POST /skola/pieteikt/:sessionId`: books the session for the signed-in school. A refusal is
 * shown on the form, in Latvian, from its reason; a booking leads to the school's bookings.
 */
export function bookSessionRoute(gateway: GatewayClient, jwtSecret: string, logger: SiteLogger) {
  return async (c: Context<SiteEnv>) => {
    const school = signedInSchool(c);
    const sessionId = c.req.param('sessionId') ?? '';
    if (!isUuid(sessionId)) return sessionNotFound(c);
    const body = await c.req.parseBody();
    const parsed = bookingForm.safeParse({ grade: body.grade, pupils: body.pupils });
    try {
      if (!parsed.success) {
        const field = String(parsed.error.issues[0]?.path[0] ?? 'pupils');
        const refusal = explainRefusal({ code: 'VALIDATION_FAILED', field }).message;
        return await bookingPage(c, gateway, jwtSecret, { refusal }, 400);
      }
      try {
        const { bookSession } = await gateway.query(
          BookSessionDocument,
          { input: { sessionId, ...parsed.data } },
          { requestId: c.get('requestId'), token: school.token },
        );
        return c.redirect(`/skola/pieteikumi?pieteikts=${bookSession.booking.id}`, 303);
      } catch (error) {
        if (!(error instanceof GatewayError) || error.code === 'UNAVAILABLE') throw error;
        logger.warn({ requestId: c.get('requestId'), code: error.code, reason: error.reason, field: error.field }, 'booking refused');
        const { status, message } = explainRefusal(error);
        const formStatus = status === 400 || status === 403 || status === 409 ? status : 409;
        return await bookingPage(c, gateway, jwtSecret, { ...parsed.data, refusal: message }, formStatus);
      }
    } catch (error) {
      return refusalPage(c, error, logger);
    }
  };
}
