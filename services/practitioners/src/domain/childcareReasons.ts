import { validationFailed } from '@eq/shared/errors';
import type { ChildcareExclusionReason, ChildcareRefusalReason } from '../generated/resolvers';
import { boundedText } from './registerText';

/**
 * Refusal reasons with their Latvian labels. Our policy: the reference data names no refusal
 * reasons, so the codes cover what the register's decisions commonly state, and OTHER takes the
 * rest (and every free-text refusal recorded before the codes, migration 1732300004410).
 */
export const CHILDCARE_REFUSAL_REASONS: Readonly<Record<ChildcareRefusalReason, string>> = Object.freeze({
  INCOMPLETE_DOCUMENTS: 'Nav iesniegti visi nepieciešamie dokumenti',
  REQUIREMENTS_NOT_MET: 'Neatbilst pakalpojuma sniedzējam noteiktajām prasībām',
  OTHER: 'Cits iemesls',
});

/**
 * Exclusion reasons with their Latvian labels. Source 004 (the quality service's annual report
 * 2024, "Bērnu uzraudzības pakalpojuma sniedzēju reģistrācija") names two: providers "kuru
 * dibinātājs likvidēts vai kuri pārtraukuši bērnu uzraudzības pakalpojuma sniegšanu". The
 * others are our policy.
 */
export const CHILDCARE_EXCLUSION_REASONS: Readonly<Record<ChildcareExclusionReason, string>> = Object.freeze({
  FOUNDER_LIQUIDATED: 'Dibinātājs likvidēts',
  SERVICE_DISCONTINUED: 'Pārtraukta pakalpojuma sniegšana',
  REQUIREMENTS_NOT_MET: 'Vairs neatbilst noteiktajām prasībām',
  OTHER: 'Cits iemesls',
});

export interface CodedReason<C extends string> {
  code: C;
  /** The decision's own words, if any. */
  text: string | null;
}

/**
 * A reason is a code plus optional free text (2-1000 characters, whitespace collapsed). OTHER
 * says nothing by itself, so it needs the text (VALIDATION_FAILED on reasonText).
 */
export function assertCodedReason<C extends string>(code: C, text: string | null | undefined): CodedReason<C> {
  const bounded = text == null ? null : boundedText(text, 'reasonText', 2, 1000);
  if (code === 'OTHER' && bounded === null) throw validationFailed('A reason coded OTHER needs the reason text', 'reasonText');
  return { code, text: bounded };
}
