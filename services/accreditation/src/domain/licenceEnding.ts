export type LicenceEndReason = 'LICENCE_REVOKED' | 'LICENCE_LAPSED';

/**
 * A programme is accredited by its licence: when licensing revokes the licence, or it lapses
 * with its institution, the programme's accreditation ends with it (DESIGN.md: licence revoked →
 * programme accreditation ends). Other statuses (suspended, transferred) leave it standing.
 */
export function endReasonForLicenceStatus(status: string): LicenceEndReason | null {
  if (status === 'REVOKED') return 'LICENCE_REVOKED';
  if (status === 'LAPSED') return 'LICENCE_LAPSED';
  return null;
}
