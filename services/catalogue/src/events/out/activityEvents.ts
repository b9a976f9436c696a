import { enqueueEvent, makeCloudEvent, Topics, type StateChange } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import type { ActivityRecord } from '../../entities/activity';
import type { ActivitySessionRecord } from '../../entities/activitySession';
import type { ActivityProviderRecord } from '../../entities/activityProvider';

export type ActivityEventType =
  | 'catalogue.activity.created'
  | 'catalogue.activity.submitted'
  | 'catalogue.activity.published'
  | 'catalogue.activity.returned'
  | 'catalogue.activity.withdrawn'
  | 'catalogue.activity.session-scheduled'
  | 'catalogue.activity.session-cancelled';

/**
 * The public state of an activity as carried on `catalogue.activity.v1`, with its provider
 * inline: providers have no topic of their own, and a subscriber listing activities needs the
 * provider's name without calling back.
 */
export function activityState(activity: ActivityRecord, provider: ActivityProviderRecord) {
  return {
    id: activity.id,
    provider: { id: provider.id, name: provider.name, kind: provider.kind, institutionId: provider.institutionId },
    title: activity.title,
    description: activity.description,
    fields: activity.fields,
    gradeBands: activity.gradeBands,
    curriculumLink: activity.curriculumLink,
    format: activity.format,
    durationMinutes: activity.durationMinutes,
    language: activity.language,
    municipality: activity.municipality,
    planningRegion: activity.planningRegion,
    maxGroupSize: activity.maxGroupSize,
    accessibility: activity.accessibility,
    pricePerPupilCents: activity.pricePerPupilCents,
    status: activity.status,
    statusReason: activity.statusReason,
    publishedAt: activity.publishedAt?.toISOString() ?? null,
    createdAt: activity.createdAt.toISOString(),
    updatedAt: activity.updatedAt.toISOString(),
  };
}

export type ActivityState = ReturnType<typeof activityState>;

/** Writes the event to the outbox in the caller's transaction. */
export async function recordActivityEvent(
  manager: EntityManager,
  type: ActivityEventType,
  activity: ActivityRecord,
  provider: ActivityProviderRecord,
  changedFields: string[],
): Promise<void> {
  const data: StateChange<ActivityState> = { state: activityState(activity, provider), changedFields };
  await enqueueEvent(manager, Topics.catalogueActivity, makeCloudEvent({ source: '/catalogue', type, subject: activity.id, data }));
}

/** A session as carried beside its activity's state on the session events. */
export function sessionState(session: ActivitySessionRecord) {
  return {
    id: session.id,
    activityId: session.activityId,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    place: session.place,
    capacity: session.capacity,
    bookedPupils: session.bookedPupils,
    status: session.status,
  };
}

/**
 * Sessions belong to their activity's aggregate (same topic, key = activity id, so they stay
 * ordered with its status changes): the event carries the activity's state and the session.
 */
export async function recordSessionEvent(
  manager: EntityManager,
  type: 'catalogue.activity.session-scheduled' | 'catalogue.activity.session-cancelled',
  activity: ActivityRecord,
  provider: ActivityProviderRecord,
  session: ActivitySessionRecord,
): Promise<void> {
  const data = { state: activityState(activity, provider), session: sessionState(session), changedFields: ['sessions'] };
  await enqueueEvent(manager, Topics.catalogueActivity, makeCloudEvent({ source: '/catalogue', type, subject: activity.id, data }));
}
