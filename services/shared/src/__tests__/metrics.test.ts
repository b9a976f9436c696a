import { describe, expect, it } from '@jest/globals';
import { GraphQLMetrics } from '../metrics';

describe('GraphQL metrics', () => {
  it('counts requests and errors by label, and bounds the operation names a client can invent', async () => {
    const metrics = new GraphQLMetrics('probe');
    for (let i = 0; i < 250; i++) metrics.recordRequest({ operationName: `Random${i}`, status: 200, durationMs: 3, errorCodes: [] });
    metrics.recordRequest({ operationName: undefined, status: 400, durationMs: 1, errorCodes: ['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_VALIDATION_FAILED'] });
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^probe_requests_total\{operation="Random0",status="200"\} 1$/m);
    expect(text).toMatch(/^probe_requests_total\{operation="\(other\)",status="200"\} 50$/m);
    expect(text).toMatch(/^probe_requests_total\{operation="\(anonymous\)",status="400"\} 1$/m);
    expect(text).toMatch(/^probe_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} 2$/m);
    expect(text.match(/^probe_requests_total\{/gm)?.length).toBe(202);
  });
});
