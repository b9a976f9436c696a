import type { SignInSchoolsQuery } from '../../generated/operations';
import { Layout } from '../layout';

type Schools = SignInSchoolsQuery['institutions'];

/**
 * The development sign-in: find a school in the register and act as it. A real identity provider
 * replaces this page (README, "The school area's sign-in seam"); everything after it stays.
 */
export function SignInPage({ search, schools }: { search: string; schools: Schools }) {
  const shown = schools.edges.length;
  return (
    <Layout title="Pieteikšanās skolai">
      <h1>Pieteikšanās skolai</h1>
      <p class="notice">
        Izstrādes režīms: izvēlieties demonstrācijas skolu, un vietne pieteiks jūs tās vārdā. Īstā sistēmā šeit būtu pieteikšanās ar
        identitātes pakalpojumu.
      </p>
      <form method="get" action="/skola/pieteikties" role="search" class="search-row">
        <label for="skolas-meklesana">Meklēt skolu pēc nosaukuma</label>
        <input id="skolas-meklesana" type="search" name="q" value={search} maxlength={100} />
        <button type="submit">Meklēt</button>
      </form>
      <h2 id="skolas">{shown === schools.totalCount ? `Atrastas ${shown}` : `Rādītas ${shown} no ${schools.totalCount}`}</h2>
      {shown === 0 ? (
        <p>Neviena skola neatbilst meklētajam.</p>
      ) : (
        <ul class="school-list" aria-labelledby="skolas">
          {schools.edges.map(({ node }) => (
            <li>
              <form method="post" action="/skola/pieteikties">
                <input type="hidden" name="institutionId" value={node.id} />
                <button type="submit">Pieteikties kā {node.name}</button> <span class="count">reģ. nr. {node.registrationNumber}</span>
              </form>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
