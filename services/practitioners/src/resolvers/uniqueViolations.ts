import { conflict, isUniqueViolation } from '@eq/shared';

/**
 * The existence checks before an insert cannot see a row another transaction is inserting at
 * the same moment; the unique index catches that race. This turns its violation (SQLSTATE
 * 23505) into the same CONFLICT the check would have given, instead of an internal error.
 */
export async function withUniqueViolationsAsConflicts<T>(messages: Record<string, string>, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const constraint = (error as { constraint?: string }).constraint;
    if (constraint && messages[constraint] && isUniqueViolation(error, constraint)) throw conflict(messages[constraint]);
    throw error;
  }
}
