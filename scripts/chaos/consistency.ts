import type { ProcessTestStack } from '../../test/support/processTestStack';

export interface Consistency {
  /** Writes a client saw succeed but not stored, plus source rows a consuming service lacks. */
  lost: number;
  /** A request stored twice, or an effect present more often than its event was published. */
  duplicated: number;
  /** Every read model equals its source and every published event was applied once. */
  converged: boolean;
  /** What still differs, for the report. */
  gaps: string[];
}

const CONSUMERS_OF_INSTITUTIONS = ['licensing', 'accreditation', 'catalogue'];

/**
 * Compares, on a stack of its own (so every row is the run's): what the clients saw succeed with
 * what the owning services stored; each consuming service's read model with its source; and the
 * events each consumer recorded as processed with the events its source published (one id each).
 */
export async function measureConsistency(
  stack: ProcessTestStack,
  clientSaw: { institutions: string[]; licences: string[] },
): Promise<Consistency> {
  const count = async (service: string, sql: string, params: unknown[] = []) =>
    Number((await stack.database(service).query(sql, params)).rows[0].n);
  const gaps: string[] = [];
  let lost = 0;
  let duplicated = 0;

  const storedInstitutions = await count('registry', 'SELECT count(*)::int AS n FROM institution WHERE id = ANY($1)', [
    clientSaw.institutions,
  ]);
  const storedLicences = await count('licensing', 'SELECT count(*)::int AS n FROM licence WHERE id = ANY($1)', [clientSaw.licences]);
  lost += clientSaw.institutions.length - storedInstitutions + (clientSaw.licences.length - storedLicences);
  // Each request carries a name or decision number of its own: two rows with one are a request applied twice.
  duplicated += await count('registry', 'SELECT (count(*) - count(DISTINCT name))::int AS n FROM institution');
  duplicated += await count('licensing', 'SELECT (count(*) - count(DISTINCT decision_number))::int AS n FROM licence');

  const compare = (what: string, source: number, copy: number) => {
    if (copy < source) {
      lost += source - copy;
      gaps.push(`${what}: ${copy} of ${source}`);
    }
    if (copy > source) {
      duplicated += copy - source;
      gaps.push(`${what}: ${copy}, more than the ${source} at the source`);
    }
  };
  const institutions = await count('registry', 'SELECT count(*)::int AS n FROM institution');
  const licences = await count('licensing', 'SELECT count(*)::int AS n FROM licence');
  for (const service of CONSUMERS_OF_INSTITUTIONS) {
    compare(`institutions known to ${service}`, institutions, await count(service, 'SELECT count(*)::int AS n FROM registry_institution'));
  }
  compare('licences known to accreditation', licences, await count('accreditation', 'SELECT count(*)::int AS n FROM known_licence'));

  // Events: what was published (the outbox keeps sent rows for days) against what was applied.
  const published = async (service: string, topic: string) =>
    count(service, 'SELECT count(*)::int AS n FROM outbox_event WHERE topic = $1 AND sent_at IS NOT NULL', [topic]);
  const applied = async (service: string, topic: string) =>
    count(service, 'SELECT count(*)::int AS n FROM processed_event WHERE topic = $1', [topic]);
  const institutionEvents = await published('registry', 'registry.institution.v1');
  for (const service of CONSUMERS_OF_INSTITUTIONS) {
    const n = await applied(service, 'registry.institution.v1');
    if (n !== institutionEvents) gaps.push(`${service} applied ${n} of ${institutionEvents} institution events`);
  }
  const licenceEvents = await published('licensing', 'licensing.licence.v1');
  const appliedLicences = await applied('accreditation', 'licensing.licence.v1');
  if (appliedLicences !== licenceEvents) gaps.push(`accreditation applied ${appliedLicences} of ${licenceEvents} licence events`);

  return { lost, duplicated, converged: gaps.length === 0, gaps };
}
