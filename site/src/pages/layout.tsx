import type { Child } from 'hono/jsx';

/**
 * Every page's frame: Latvian, a skip link to the content, the banner, one `main` and the
 * footer landmark. Styles come from the site itself (system fonts, no scripts, nothing from
 * another host).
 */
export function Layout({ title, children }: { title: string; children: Child }) {
  return (
    <html lang="lv">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — STEM norišu katalogs`}</title>
        <link rel="stylesheet" href="/styles.css" />
      </head>
      <body>
        <a class="skip-link" href="#saturs">
          Pāriet uz saturu
        </a>
        <header class="site-header">
          <a class="site-name" href="/">
            STEM norišu katalogs
          </a>
          <p class="site-tagline">Dabaszinātņu, tehnoloģiju, inženierzinātņu, matemātikas un pilsoniskās līdzdalības norises skolēniem</p>
        </header>
        <main id="saturs" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <p>Pasākums 4.2.2.1. Dati no izglītības kvalitātes datu grafa. Demonstrācijas dati ir izdomāti un atzīmēti ar „(demo)”.</p>
        </footer>
      </body>
    </html>
  );
}
