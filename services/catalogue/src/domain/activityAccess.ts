import { forbidden, validationFailed } from '@eq/shared/errors';

/**
 * The caller as the catalogue's rules see it (role and, for a PROVIDER, which provider it acts
 * for). A plain shape so that these rules stay free of the transport's types.
 */
export interface Viewer {
  role: string;
  providerId?: string;
}

export interface OwnedActivity {
  providerId: string;
  status: string;
}

/** Roles that review activities and so see them in every status. */
const REVIEWER_ROLES = new Set(['OFFICER', 'FUND_ADMIN']);

/** Ids are UUIDs, compared without regard to case (a token may carry them in upper case). */
export function ownsActivity(viewer: Viewer, activity: { providerId: string }): boolean {
  return (
    viewer.role === 'PROVIDER' && viewer.providerId !== undefined && viewer.providerId.toLowerCase() === activity.providerId.toLowerCase()
  );
}

/**
 * Anyone sees a published activity; drafts, submissions, returned and withdrawn activities are
 * seen only by their provider and the reviewers (they are not an offer to schools).
 */
export function mayViewActivity(viewer: Viewer, activity: OwnedActivity): boolean {
  return activity.status === 'PUBLISHED' || ownsActivity(viewer, activity) || REVIEWER_ROLES.has(viewer.role);
}

/** Only the provider itself vouches for its offer by submitting it. */
export function assertMaySubmit(viewer: Viewer, activity: OwnedActivity): void {
  if (!ownsActivity(viewer, activity)) throw forbidden('Only the provider that owns this activity can submit it');
}

/** The provider may withdraw its own offer; an OFFICER may withdraw any (e.g. on a complaint). */
export function assertMayWithdraw(viewer: Viewer, activity: OwnedActivity): void {
  if (viewer.role !== 'OFFICER' && !ownsActivity(viewer, activity)) {
    throw forbidden('Only the provider that owns this activity or an OFFICER can withdraw it');
  }
}

/**
 * Whose activity a new one is: a PROVIDER creates for the provider its token names (and may not
 * name another); an OFFICER must say which provider it creates for.
 */
export function providerOfNewActivity(viewer: Viewer, requested: string | null | undefined): string {
  if (viewer.role === 'PROVIDER') {
    if (!viewer.providerId) throw forbidden('Your token does not name the provider you act for');
    const own = viewer.providerId.toLowerCase();
    if (requested && requested.toLowerCase() !== own) throw forbidden('A provider can create activities only for itself');
    return own;
  }
  if (viewer.role === 'OFFICER') {
    if (!requested) throw validationFailed('providerId is required when an OFFICER creates an activity', 'providerId');
    return requested;
  }
  throw forbidden(`Only a PROVIDER or an OFFICER can create activities; you are ${viewer.role}`);
}
