import { parseEventData, type EventHandler, type EventHandlers } from '@eq/shared';
import { z } from 'zod';

const count = z.number().int().min(0);

/**
 * The subscriber's side of `registry.learner-counts.v1` (the registry's `learnerCountState`):
 * a tolerant reader that keeps the counts it is given and needs only these fields.
 */
const learnerCountChangeSchema = z.looseObject({
  state: z.looseObject({
    id: z.uuid(),
    institutionId: z.uuid(),
    schoolYear: z.string().regex(/^\d{4}\/\d{4}$/),
    status: z.string().min(1),
    counts: z.record(z.string(), count),
    total: count,
  }),
  changedFields: z.array(z.string()),
});

/**
 * Keeps the latest state of each report (older events never overwrite newer ones). Only a
 * LOCKED report sets a school's semester allocation; `approved` and `reopened` are stored so
 * that a reopened report is never mistaken for a locked one.
 */
const applyLearnerCountEvent: EventHandler = async (event, manager) => {
  const { state } = parseEventData(learnerCountChangeSchema, event);
  await manager.query(
    `INSERT INTO learner_count_report (id, institution_id, school_year, status, counts, total, state_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id) DO UPDATE SET institution_id = EXCLUDED.institution_id, school_year = EXCLUDED.school_year,
       status = EXCLUDED.status, counts = EXCLUDED.counts, total = EXCLUDED.total, state_at = EXCLUDED.state_at
     WHERE learner_count_report.state_at <= EXCLUDED.state_at`,
    [state.id, state.institutionId, state.schoolYear, state.status, JSON.stringify(state.counts), state.total, new Date(event.time)],
  );
};

export const learnerCountEventHandlers: EventHandlers = {
  'registry.learner-counts.approved': applyLearnerCountEvent,
  'registry.learner-counts.locked': applyLearnerCountEvent,
  'registry.learner-counts.reopened': applyLearnerCountEvent,
};
