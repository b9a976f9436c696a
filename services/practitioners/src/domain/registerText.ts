import { validationFailed } from '@eq/shared/errors';

/** Free text as a decision states it (names, addresses, reasons): whitespace collapsed, length bounded. */
export function boundedText(value: string, field: string, min: number, max: number): string {
  const trimmed = value.trim().replace(/\s+/g, ' ');
  if (trimmed.length < min || trimmed.length > max) throw validationFailed(`${field} must be ${min}-${max} characters`, field);
  return trimmed;
}

/**
 * Policy for numbers the registers of child-minders and private practice issue (no official
 * format is in the reference data): 1-30 letters, digits, '-', '/' or '.', no spaces.
 */
export function assertRegisterNumber(value: string, field: string): string {
  const trimmed = value.trim();
  if (!/^[\p{L}\d][\p{L}\d./-]{0,29}$/u.test(trimmed)) {
    throw validationFailed(`${field} must be 1-30 letters, digits, '-', '/' or '.'`, field);
  }
  return trimmed;
}
