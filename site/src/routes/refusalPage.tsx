import type { Context } from 'hono';
import type { SiteEnv, SiteLogger } from '../siteEnv';
import { GatewayError } from '../gateway/gatewayClient';
import { explainRefusal } from '../gateway/refusalMessages';
import { ErrorPage } from '../pages/errorPage';
import { renderPage } from './renderPage';

/** Logs a failed gateway call for the operator and shows the visitor its Latvian explanation. */
export function refusalPage(c: Context<SiteEnv>, error: unknown, logger: SiteLogger) {
  const refusal = error instanceof GatewayError ? error : new GatewayError(String(error), 'INTERNAL_SERVER_ERROR');
  const { code, reason, field } = refusal;
  logger.warn({ requestId: c.get('requestId'), path: c.req.path, code, reason, field, error: refusal.message }, 'gateway refused');
  const { status, message } = explainRefusal(refusal);
  const title = status === 404 ? 'Nav atrasts' : status >= 500 ? 'Katalogs nav pieejams' : 'Nevarēja parādīt';
  return renderPage(c, <ErrorPage title={title} message={message} />, status);
}
