import { enqueueEvent, makeCloudEvent, Topics, type StateChange } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import type { ActivityRecord } from '../entities/activity';
import type { ActivityProviderRecord } from '../entities/activityProvider';

export type ActivityEventType =
  | 'catalogue.activity.created'
  | 'catalogue.activity.submitted'
  | 'catalogue.activity.published'
  | 'catalogue.activity.returned'
  | 'catalogue.activity.withdrawn';

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
