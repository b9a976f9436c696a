import http from 'node:http';

/**
 * The booking load of the catalogue bench, in a process of its own (forked by
 * catalogueBench.ts): a load generator sharing the subgraph's event loop took a third of it on
 * this 2-core machine, so the figure measured the client as much as the server. Receives one
 * plan over IPC, sends back the tallies, exits. Plain `http.request` on kept-alive sockets
 * rather than `fetch`: fetch cost the client about 2 ms of CPU per request, a third of a core
 * taken from the server it measures.
 */
export interface BookingLoadPlan {
  url: string;
  /** Request headers of each concurrent client (one school each). */
  clients: Array<Record<string, string>>;
  sessions: string[];
  bookings: number;
}

export interface BookingLoadResult {
  issued: number;
  confirmed: number;
  waiting: number;
  refusals: Array<[string, number]>;
  seconds: number;
}

/** POSTs a JSON body on a kept-alive socket and parses the JSON answer. */
function postJson(url: URL, agent: http.Agent, headers: Record<string, string>, body: string): Promise<any> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch (error) {
          reject(error);
        }
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

const BOOK = `mutation B($input: BookSessionInput!) { bookSession(input: $input) { booking { id status } } }`;

async function run({ url, clients, sessions, bookings }: BookingLoadPlan): Promise<BookingLoadResult> {
  let issued = 0;
  let confirmed = 0;
  let waiting = 0;
  const refusals = new Map<string, number>();
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients.length });
  const start = performance.now();
  await Promise.all(
    clients.map(async (headers) => {
      while (issued < bookings) {
        issued += 1;
        const sessionId = sessions[Math.floor(Math.random() * sessions.length)]!;
        const variables = { input: { sessionId, grade: 7, pupils: 1 + Math.floor(Math.random() * 5) } };
        const response: any = await postJson(target, agent, headers, JSON.stringify({ query: BOOK, variables })).catch((error: Error) => ({ errors: [{ message: error.message }] }));
        const status = response.data?.bookSession?.booking?.status;
        if (status === 'CONFIRMED') confirmed += 1;
        else if (status === 'WAITING') waiting += 1;
        else {
          const error = response.errors?.[0];
          const why = `${error?.extensions?.code ?? 'NO_ANSWER'}${error?.extensions?.reason ? `/${error.extensions.reason}` : ''}: ${error?.message ?? ''}`;
          refusals.set(why, (refusals.get(why) ?? 0) + 1);
        }
      }
    }),
  );
  agent.destroy();
  return { issued, confirmed, waiting, refusals: [...refusals], seconds: (performance.now() - start) / 1000 };
}

process.once('message', (plan: BookingLoadPlan) => {
  void run(plan).then((result) => process.send!(result, () => process.disconnect()));
});
