import type { Context } from 'hono';
import type { SiteEnv, SiteLogger } from '../siteEnv';
import { activityFilter, parseCatalogueQuery } from '../catalogue/catalogueQuery';
import type { GatewayClient } from '../gateway/gatewayClient';
import { CataloguePageDocument } from '../generated/operations';
import { CataloguePage } from '../pages/cataloguePage';
import { rigaDay, startOfRigaDay } from '../rigaTime';
import { refusalPage } from './refusalPage';
import { renderPage } from './renderPage';

/** `GET /`: the catalogue for the query in the URL. */
export function catalogueRoute(gateway: GatewayClient, pageSize: number, logger: SiteLogger) {
  return async (c: Context<SiteEnv>) => {
    const { query, ignored } = parseCatalogueQuery(new URL(c.req.url).searchParams);
    try {
      const { activities } = await gateway.query(
        CataloguePageDocument,
        {
          filter: activityFilter(query),
          sort: query.sort,
          first: pageSize,
          after: query.after ?? null,
          // From the start of today, not this instant: the same page asks the same question all day long.
          sessionsFrom: startOfRigaDay(rigaDay(new Date())),
        },
        { requestId: c.get('requestId') },
      );
      return renderPage(c, <CataloguePage query={query} activities={activities} ignored={ignored} />);
    } catch (error) {
      return refusalPage(c, error, logger);
    }
  };
}
