import assert from 'node:assert/strict';

/** An iCalendar component: its properties (name → values, in order) and its sub-components. */
export interface IcsComponent {
  name: string;
  properties: Map<string, string[]>;
  components: IcsComponent[];
}

/**
 * Reads an iCalendar text by RFC 5545: CRLF line ends, unfolding (§3.1), content lines
 * `NAME[;PARAM=…]:VALUE`, and BEGIN/END nesting that must match. Throws on anything else.
 */
export function parseIcs(text: string): IcsComponent {
  assert.ok(text.endsWith('\r\n'), 'the feed ends with CRLF');
  const lines = text
    .slice(0, -2)
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n');
  const root: IcsComponent = { name: '', properties: new Map(), components: [] };
  const open: IcsComponent[] = [root];
  for (const line of lines) {
    const match = /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):(.*)$/.exec(line);
    assert.ok(match, `not a content line: ${JSON.stringify(line)}`);
    const [, name, , value] = match;
    const current = open.at(-1)!;
    if (name === 'BEGIN') {
      const component: IcsComponent = { name: value!, properties: new Map(), components: [] };
      current.components.push(component);
      open.push(component);
    } else if (name === 'END') {
      assert.equal(value, current.name, 'END matches its BEGIN');
      open.pop();
    } else {
      current.properties.set(name!, [...(current.properties.get(name!) ?? []), value!]);
    }
  }
  assert.equal(open.length, 1, 'every component is closed');
  assert.equal(root.components.length, 1, 'one calendar');
  return root.components[0]!;
}

/** A DATE-TIME in UTC form (RFC 5545 §3.3.5), e.g. 20260107T080000Z. */
export function icsInstant(value: string): Date {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  assert.ok(match, `not a UTC date-time: ${value}`);
  const [, y, mo, d, h, mi, s] = match.map(Number);
  return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
}
