import { ErrorCode } from '@eq/shared';
import type { NextFunction, Request, Response } from 'express';
import { accessRecordOf } from './accessLog';

/**
 * Express error handler for what fails before GraphQL: a body that is not JSON or is too
 * large. Express's default handler would answer with an HTML page holding the stack trace
 * (outside production); this answers in GraphQL's shape, with no trace.
 */
export function malformedBodyAnswer(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(error);
  const status = (error as { status?: unknown }).status;
  const clientError = typeof status === 'number' && status >= 400 && status < 500;
  const code = clientError ? 'BAD_REQUEST' : ErrorCode.INTERNAL_SERVER_ERROR;
  const message =
    status === 413 ? 'The request body is too large' : clientError ? 'The request body is not valid JSON' : 'Internal server error';
  accessRecordOf(res)?.errorCodes.push(code);
  res.status(clientError ? status : 500).json({ errors: [{ message, extensions: { code } }] });
}
