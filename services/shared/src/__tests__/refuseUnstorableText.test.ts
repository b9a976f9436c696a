import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GraphQLError, parse } from 'graphql';
import { refuseUnstorableText } from '../refuseUnstorableText';
import { storableTextProblem } from '../storableText';

/** Runs the plugin's check as Apollo would after resolving the operation. */
async function check(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLError | undefined> {
  const listener = await refuseUnstorableText().requestDidStart!({} as never);
  try {
    await listener!.didResolveOperation!({ request: { variables }, document: parse(query) } as never);
    return undefined;
  } catch (error) {
    return error as GraphQLError;
  }
}

describe('storable text', () => {
  it('names NUL characters and unpaired surrogates, and accepts any other text', () => {
    assert.match(storableTextProblem('a\u0000b')!, /NUL/);
    assert.match(storableTextProblem('a\ud800')!, /surrogate/);
    assert.match(storableTextProblem('\udc00a')!, /surrogate/);
    assert.equal(storableTextProblem('Rīga 😀 \u0001 ķ'), undefined);
  });

  it('refuses a NUL anywhere in the variables as VALIDATION_FAILED with HTTP 400, naming the field', async () => {
    const error = await check('mutation($input: X) { a(input: $input) }', { input: { places: [{ address: 'ok' }, { address: 'a\u0000' }] } });
    assert.deepEqual(error?.extensions, { code: 'VALIDATION_FAILED', field: 'input.places.1.address', http: { status: 400 } });
  });

  it('refuses a NUL in a string literal, named by its argument path', async () => {
    const error = await check('{ a(filter: { search: "x\\u0000" }) { b } }');
    assert.equal(error?.extensions.field, 'filter.search');
    assert.equal((await check('{ stemSubsidyShares(municipality: "a\\u0000b") { b } }'))?.extensions.field, 'municipality');
  });

  it('lets ordinary operations through', async () => {
    assert.equal(await check('query($m: String!) { a(m: $m, n: "Rīga") { b } }', { m: 'Valmiera', n: [1, null, true] }), undefined);
  });
});
