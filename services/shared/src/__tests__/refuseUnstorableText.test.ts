import { describe, expect, it } from '@jest/globals';
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
    expect(storableTextProblem('a\u0000b')!).toMatch(/NUL/);
    expect(storableTextProblem('a\ud800')!).toMatch(/surrogate/);
    expect(storableTextProblem('\udc00a')!).toMatch(/surrogate/);
    expect(storableTextProblem('Rīga 😀 \u0001 ķ')).toBe(undefined);
  });

  it('refuses a NUL anywhere in the variables as VALIDATION_FAILED with HTTP 400, naming the field', async () => {
    const error = await check('mutation($input: X) { a(input: $input) }', {
      input: { places: [{ address: 'ok' }, { address: 'a\u0000' }] },
    });
    expect(error?.extensions).toStrictEqual({ code: 'VALIDATION_FAILED', field: 'input.places.1.address', http: { status: 400 } });
  });

  it('refuses a NUL in a string literal, named by its argument path', async () => {
    const error = await check('{ a(filter: { search: "x\\u0000" }) { b } }');
    expect(error?.extensions.field).toBe('filter.search');
    expect((await check('{ stemSubsidyShares(municipality: "a\\u0000b") { b } }'))?.extensions.field).toBe('municipality');
  });

  it('lets ordinary operations through', async () => {
    expect(await check('query($m: String!) { a(m: $m, n: "Rīga") { b } }', { m: 'Valmiera', n: [1, null, true] })).toBe(undefined);
  });
});
