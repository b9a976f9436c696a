import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { REQUEST_ID_HEADER, Role, type Logger } from '@eq/shared';
import type { GatewayContext } from './context';
import type { GatewayMetrics } from './metrics';

/** What the access log and the metrics learn about one request while it is served. */
export interface AccessRecord {
  requestId: string;
  /** Set once Apollo has resolved the operation; a client-chosen name, so only logged and bounded. */
  operationName?: string;
  /** False once a valid token is seen: only then may a client's operation names become metrics labels. */
  anonymousCaller: boolean;
  errorCodes: string[];
}

const records = new WeakMap<IncomingMessage, AccessRecord>();

/** The record of the current request, created by `startAccessRecord`. */
export function accessRecordOf(req: IncomingMessage): AccessRecord {
  return records.get(req)!;
}

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Gives the request an id (the caller's `x-request-id`, bounded, or a new one), echoes it in
 * the response, and when the response is finished writes one structured log line and the
 * request metrics. Variables are never logged: they may carry natural persons' personal codes.
 */
export function accessLog(logger: Logger, metrics: GatewayMetrics) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const started = performance.now();
    const requestId = header(req, REQUEST_ID_HEADER)?.slice(0, 100) || randomUUID();
    const record: AccessRecord = { requestId, anonymousCaller: true, errorCodes: [] };
    records.set(req, record);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    res.on('finish', () => {
      const durationMs = Math.round((performance.now() - started) * 10) / 10;
      const errorCodes = [...new Set(record.errorCodes)];
      metrics.recordRequest({
        operationName: record.operationName,
        anonymousCaller: record.anonymousCaller,
        status: res.statusCode,
        durationMs,
        errorCodes: record.errorCodes,
      });
      logger.info(
        { method: req.method, operationName: record.operationName, status: res.statusCode, durationMs, requestId, errorCodes },
        'request',
      );
    });
  };
}

/** Fills the access record with what only Apollo knows: the operation and the error codes sent. */
export function accessRecordPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName, contextValue }) {
          contextValue.access.operationName = operationName ?? undefined;
          contextValue.access.anonymousCaller = contextValue.caller.role === Role.PUBLIC;
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            contextValue.access.errorCodes.push(String(error.extensions?.code ?? 'UNKNOWN'));
          }
        },
      };
    },
  };
}
