import assert from 'node:assert/strict';
import { DomainError } from '@eq/shared/errors';

/** The DomainError a rule refuses with; fails the test when the rule lets `run` through. */
export function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof DomainError);
    return error;
  }
  assert.fail('expected a refusal');
}
