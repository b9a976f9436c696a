import { z } from 'zod';

/** A calendar date, `YYYY-MM-DD`. */
export const isoDate = z.iso.date();

/** A timestamp with offset (RFC 3339). */
export const isoDateTime = z.iso.datetime({ offset: true });

export const planningRegion = z.enum(['RIGA', 'VIDZEME', 'KURZEME', 'ZEMGALE', 'LATGALE']);

/**
 * The coarse `data` shape of topics whose state is not yet described field by field:
 * `{ state, changedFields }`, extra members allowed.
 */
export const coarseStateChangeSchema = z
  .looseObject({ state: z.looseObject({}), changedFields: z.array(z.string()) })
  .meta({
    id: 'CoarseStateChange',
    description: 'Coarse for now: the aggregate\'s full public state (fields not yet described) and the names of the fields that changed.',
  });

export type CoarseStateChange = z.output<typeof coarseStateChangeSchema>;
