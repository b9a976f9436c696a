import { pino, type Logger } from 'pino';
import { bounded, redactedError } from './logRedaction';

export type { Logger };

/**
 * Paths whose values never reach a log line: natural persons' personal codes, birth dates and
 * home addresses may pass through variables and events, and logs leave our security boundary.
 * Errors get the same protection from their serializer (logRedaction.ts).
 */
export const REDACTED_PATHS = [
  '*.personalCode',
  '*.*.personalCode',
  '*.birthDate',
  '*.homeAddress',
  'req.headers.authorization',
  'req.headers["x-gateway-secret"]',
  'variables.*.personalCode',
];

/**
 * Structured JSON logs, one line per event, with the service name on every line. They go to
 * stdout unless a destination is given (tests send them to a file). Every line is bounded
 * (long strings cut, deep objects cut), and every error, under `err` or `error`, goes through
 * one redaction policy that drops SQL parameters and personal data (logRedaction.ts).
 */
export function createLogger(service: string, level: string = 'info', destination?: NodeJS.WritableStream): Logger {
  const options: pino.LoggerOptions = {
    name: service,
    level,
    base: { service },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: redactedError, error: redactedError },
    formatters: { log: (object) => bounded(object) as Record<string, unknown> },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}
