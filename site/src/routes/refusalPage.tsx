import type { Context } from 'hono';
import { GatewayError } from '../gateway/gatewayClient';
import { explainRefusal } from '../gateway/refusalMessages';
import { ErrorPage } from '../pages/errorPage';
import { renderPage } from './renderPage';

/** Logs a failed gateway call for the operator and shows the visitor its Latvian explanation. */
export function refusalPage(c: Context, error: unknown, log: (line: string) => void) {
  const refusal = error instanceof GatewayError ? error : new GatewayError(String(error), 'INTERNAL_SERVER_ERROR');
  log(`gateway refused ${c.req.method} ${c.req.path}: ${refusal.code}${refusal.reason ? `/${refusal.reason}` : ''} ${refusal.message}`);
  const { status, message } = explainRefusal(refusal);
  const title = status === 404 ? 'Nav atrasts' : status >= 500 ? 'Katalogs nav pieejams' : 'Nevarēja parādīt';
  return renderPage(c, <ErrorPage title={title} message={message} />, status);
}
