/**
 * The site's one stylesheet, served from `/styles.css`: system fonts (nothing fetched from another
 * host), text contrast at least 4.5:1 against its background (WCAG 2.1 AA), a focus outline on
 * everything that takes focus, and a layout that folds to one column on a phone.
 */
export const STYLESHEET = `
:root { --ink: #1b1f24; --muted: #4a5360; --accent: #0b5394; --accent-dark: #083d6e; --paper: #ffffff; --tint: #f2f5f8; --line: #c5ccd5; --warn: #8a1c1c; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; font-size: 100%; line-height: 1.5; color: var(--ink); background: var(--paper); }
body { margin: 0; }
a { color: var(--accent); text-underline-offset: 0.15em; }
a:hover { color: var(--accent-dark); }
:focus-visible { outline: 3px solid #c05a00; outline-offset: 2px; }
main:focus { outline: none; }
.skip-link { position: absolute; left: -999px; top: 0.5rem; background: var(--paper); padding: 0.5rem 1rem; z-index: 10; }
.skip-link:focus { left: 0.5rem; }
.site-header { background: var(--accent-dark); color: #fff; padding: 1rem 1.5rem; }
.site-header a.site-name { color: #fff; font-size: 1.4rem; font-weight: 700; text-decoration: none; }
.site-header a.site-name:focus-visible { outline-color: #ffd28a; }
.site-tagline { margin: 0.25rem 0 0; }
main { max-width: 75rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
.site-footer { border-top: 1px solid var(--line); padding: 1rem 1.5rem; color: var(--muted); font-size: 0.9rem; }
.catalogue { display: grid; grid-template-columns: minmax(15rem, 20rem) 1fr; gap: 2rem; align-items: start; }
@media (max-width: 48rem) { .catalogue { grid-template-columns: 1fr; } }
.filters { background: var(--tint); border: 1px solid var(--line); border-radius: 0.5rem; padding: 1rem; }
.filters label, .filters legend { font-weight: 600; }
.filters .facet-option { display: block; font-weight: 400; padding: 0.15rem 0; }
.filters .count { color: var(--muted); }
.filter-panel summary { cursor: pointer; font-weight: 700; margin: 0.5rem 0; }
.facet { border: none; padding: 0; margin: 0 0 1rem; }
.field { margin: 0 0 0.75rem; display: flex; flex-direction: column; gap: 0.25rem; }
.search-row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; margin-bottom: 0.75rem; }
.search-row label { flex-basis: 100%; }
.search-row input { flex: 1; min-width: 8rem; }
input, select, button { font: inherit; color: var(--ink); }
input[type=search], input[type=text], input[type=number], input[type=date], select { padding: 0.4rem 0.5rem; border: 1px solid #6b7480; border-radius: 0.25rem; background: #fff; }
input[type=checkbox], input[type=radio] { width: 1.1rem; height: 1.1rem; vertical-align: -0.15rem; }
button { background: var(--accent); color: #fff; border: none; border-radius: 0.25rem; padding: 0.45rem 1rem; cursor: pointer; }
button:hover { background: var(--accent-dark); }
.actions { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
.activity-list { list-style: none; padding: 0; margin: 0; display: grid; gap: 1rem; }
.activity-card { border: 1px solid var(--line); border-radius: 0.5rem; padding: 1rem; }
.activity-card h3 { margin: 0 0 0.25rem; font-size: 1.15rem; }
.provider { margin: 0 0 0.5rem; color: var(--muted); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0.5rem 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.sessions-heading { margin: 0.5rem 0 0.25rem; font-weight: 600; }
.sessions-next ul { margin: 0; padding-left: 1.25rem; }
.sessions-none { color: var(--muted); }
.pager { display: flex; gap: 1.5rem; margin-top: 1.5rem; font-size: 1.1rem; }
.notice { background: #fff7e0; border: 1px solid #b88a00; padding: 0.75rem 1rem; border-radius: 0.25rem; }
.notice-error { background: #fdeeee; border-color: var(--warn); color: var(--warn); }
table.sessions { border-collapse: collapse; width: 100%; }
table.sessions caption { text-align: left; font-weight: 600; padding: 0.5rem 0; }
table.sessions th, table.sessions td { border-bottom: 1px solid var(--line); padding: 0.5rem; text-align: left; vertical-align: top; }
table.sessions thead th { background: var(--tint); }
table.sessions th[scope=row] { font-weight: 400; }
td.full { color: var(--warn); font-weight: 600; }
.school-bar { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; background: var(--tint); border: 1px solid var(--line); border-radius: 0.5rem; padding: 0.5rem 1rem; margin-bottom: 1rem; }
.school-bar p { margin: 0; flex: 1; }
.school-bar form { margin: 0; }
.school-list { list-style: none; padding: 0; display: grid; gap: 0.5rem; }
.school-list form { margin: 0; }
.booking-form { max-width: 24rem; }
`;
