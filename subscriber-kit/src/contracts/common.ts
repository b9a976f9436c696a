import { z } from 'zod';

/** A calendar date, `YYYY-MM-DD`. */
export const isoDate = z.iso.date();

/** A timestamp with offset (RFC 3339). */
export const isoDateTime = z.iso.datetime({ offset: true });

export const planningRegion = z.enum(['RIGA', 'VIDZEME', 'KURZEME', 'ZEMGALE', 'LATGALE']);

/** A decision by its number and date (decisions are public; the people behind them are not). */
export const decisionSchema = z
  .object({ number: z.string().min(1), date: isoDate })
  .meta({ id: 'Decision', description: 'A decision by its number and date.' });

/**
 * The `data` of an event-carried state transfer: the aggregate's full public state after the
 * change and the names of the fields that changed.
 */
export const stateChange = <S extends z.ZodType>(state: S, id: string, topic: string) =>
  z.object({ state, changedFields: z.array(z.string()) }).meta({ id, description: `\`data\` of every ${topic} event.` });
