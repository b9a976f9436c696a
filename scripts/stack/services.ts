import type { RequestContext, SubgraphDefinition } from '@eq/shared';
import { licensing } from '@eq/licensing';
import { registry } from '@eq/registry';

/** Every subgraph, in start order (publishers before the services that read their topics). */
export const SERVICES: SubgraphDefinition<RequestContext>[] = [registry, licensing] as unknown as SubgraphDefinition<RequestContext>[];
