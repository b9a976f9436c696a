import type { ApolloServerPlugin } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache, type KeyValueCache, type KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import { Role } from '@eq/shared';
import type { GatewayContext } from './context';
import type { GatewayMetrics } from './metrics';

export interface ResponseCacheOptions {
  /** Longest time an answer is kept, whatever the subgraphs' hints allow; 0 turns the cache off. */
  maxAgeSeconds: number;
  /** Memory the cached answers may take (their JSON's length); the least recently used go first. */
  maxBytes: number;
}

export const DEFAULT_RESPONSE_CACHE: ResponseCacheOptions = { maxAgeSeconds: 5, maxBytes: 32 * 1024 * 1024 };

/**
 * An in-memory LRU whose entries live as long as the answer's cache policy allows, but never
 * longer than the cap. Any mutation through this gateway clears it (`clear`), so a
 * client reads its own writes; changes made elsewhere (Kafka reactions, scheduled decisions)
 * show after at most the cap.
 */
class CappedLruCache implements KeyValueCache<string> {
  private readonly lru: InMemoryLRUCache<string>;

  constructor(private readonly options: ResponseCacheOptions) {
    this.lru = new InMemoryLRUCache<string>({ maxSize: options.maxBytes, sizeCalculation: (value) => value.length || 1 });
  }

  set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    const ttl = Math.min(options?.ttl ?? this.options.maxAgeSeconds, this.options.maxAgeSeconds);
    return this.lru.set(key, value, { ttl });
  }

  get(key: string): Promise<string | undefined> {
    return this.lru.get(key);
  }

  delete(key: string): Promise<boolean | void> {
    return this.lru.delete(key);
  }

  clear(): void {
    this.lru.clear();
  }
}

const isPublic = (context: GatewayContext) => context.caller.role === Role.PUBLIC;

/**
 * Whole-response caching at the gateway, driven by the subgraphs' cache hints: an answer is
 * kept only when every subgraph fetch behind it said it may be (`Cache-Control` from their
 * `@cacheControl` hints; a fetch without one makes the answer uncacheable), it has no errors,
 * it answers a query, and the caller is PUBLIC. Answers to callers with a token are neither
 * read from nor written to the cache: what they see depends on their role. There are no
 * sessions, so an answer a subgraph marks PRIVATE is never kept either.
 */
export function responseCachePlugins(options: ResponseCacheOptions, metrics: GatewayMetrics): ApolloServerPlugin<GatewayContext>[] {
  if (options.maxAgeSeconds === 0) return [];
  const cache = new CappedLruCache(options);
  return [
    responseCachePlugin<GatewayContext>({
      cache,
      sessionId: async () => null,
      shouldReadFromCache: async ({ contextValue }) => isPublic(contextValue),
      shouldWriteToCache: async ({ contextValue }) => isPublic(contextValue),
    }),
    {
      async requestDidStart() {
        return {
          // Runs after the response cache's own hook, which marks a hit with an `age` header.
          async willSendResponse({ operation, contextValue, response }) {
            if (operation?.operation === 'mutation') cache.clear();
            if (operation?.operation === 'query' && isPublic(contextValue))
              metrics.recordResponseCache(response.http.headers.has('age') ? 'hit' : 'miss');
          },
        };
      },
    },
  ];
}
