import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Paths whose values never reach a log line: natural persons' personal codes, birth dates and
 * home addresses may pass through variables and events, and logs leave our security boundary.
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
 * stdout unless a destination is given (tests send them to a file).
 */
export function createLogger(service: string, level: string = 'info', destination?: NodeJS.WritableStream): Logger {
  const options = {
    name: service,
    level,
    base: { service },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}
