import type { Context } from 'hono';
import { html } from 'hono/html';
import type { Child } from 'hono/jsx';

/** Answers with a whole HTML document (doctype first, so browsers render in standards mode). */
export function renderPage(c: Context, page: Child, status: 200 | 400 | 403 | 404 | 409 | 429 | 502 | 503 = 200) {
  return c.html(html`<!doctype html>${page}`, status);
}
