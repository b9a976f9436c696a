import { accreditation } from '@eq/accreditation';
import { catalogue } from '@eq/catalogue';
import { licensing } from '@eq/licensing';
import { practitioners } from '@eq/practitioners';
import { registry } from '@eq/registry';
import type { RequestContext, SubgraphDefinition } from '@eq/shared';

/**
 * Every subgraph, in start order: the registry first, since the others read its topic (they
 * would also catch up from the beginning of the topic if started before it).
 */
export const SERVICES = [registry, licensing, accreditation, practitioners, catalogue] as unknown as SubgraphDefinition<RequestContext>[];
