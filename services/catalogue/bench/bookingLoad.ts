import net from 'node:net';

/**
 * The booking load of the catalogue bench, in a process of its own (forked by
 * catalogueBench.ts): a load generator sharing the subgraph's event loop took a third of it on
 * this 2-core machine, so the figure measured the client as much as the server. Receives one
 * plan over IPC, sends back the tallies, exits.
 *
 * Each client is one kept-alive HTTP/1.1 connection with one request in flight, written and
 * read by hand. On two cores the client's CPU is taken from the server it measures: `fetch`
 * cost about 2 ms per request, `http.request` about 0.6 ms, this about 0.2 ms.
 */
export interface BookingLoadPlan {
  url: string;
  /** Request headers of each concurrent client (one school each). */
  clients: Array<Record<string, string>>;
  sessions: string[];
  /** Bookings sent first and left out of the figures: the server's code gets compiled. */
  warmup: number;
  bookings: number;
}

export interface BookingLoadTally {
  issued: number;
  confirmed: number;
  waiting: number;
  refusals: Array<[string, number]>;
  seconds: number;
}

export interface BookingLoadResult {
  warmup: BookingLoadTally;
  measured: BookingLoadTally;
}

const BOOK = `mutation B($input: BookSessionInput!) { bookSession(input: $input) { booking { id status } } }`;

/** One kept-alive connection: `post(body)` sends a request and resolves with the answer's body. */
function connection(url: URL, headers: Record<string, string>): { post: (body: string) => Promise<string>; close: () => void } {
  const socket = net.connect(Number(url.port), url.hostname);
  socket.setNoDelay(true);
  const head = `POST ${url.pathname} HTTP/1.1\r\nhost: ${url.host}\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}`;
  let buffered: Buffer = Buffer.alloc(0);
  let pending: { resolve: (body: string) => void; reject: (error: Error) => void } | undefined;
  const fail = (error: Error) => {
    pending?.reject(error);
    pending = undefined;
  };
  socket.on('error', fail);
  socket.on('close', () => fail(new Error('the server closed the connection')));
  socket.on('data', (chunk: Buffer) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    const headEnd = buffered.indexOf('\r\n\r\n');
    if (headEnd < 0) return;
    // The subgraph answers with a Content-Length (Express's res.send), never chunked.
    const length = /\r\ncontent-length: *(\d+)/i.exec(buffered.subarray(0, headEnd).toString('latin1'))?.[1];
    if (length === undefined) return fail(new Error('an answer without Content-Length'));
    const end = headEnd + 4 + Number(length);
    if (buffered.length < end) return;
    const body = buffered.subarray(headEnd + 4, end).toString('utf8');
    buffered = buffered.subarray(end);
    const done = pending;
    pending = undefined;
    done?.resolve(body);
  });
  return {
    post: (body) =>
      new Promise((resolve, reject) => {
        pending = { resolve, reject };
        socket.write(`${head}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      }),
    close: () => socket.destroy(),
  };
}

async function drive(connections: ReturnType<typeof connection>[], sessions: string[], bookings: number): Promise<BookingLoadTally> {
  let issued = 0;
  let confirmed = 0;
  let waiting = 0;
  const refusals = new Map<string, number>();
  const start = performance.now();
  await Promise.all(
    connections.map(async ({ post }) => {
      while (issued < bookings) {
        issued += 1;
        const sessionId = sessions[Math.floor(Math.random() * sessions.length)]!;
        const variables = { input: { sessionId, grade: 7, pupils: 1 + Math.floor(Math.random() * 5) } };
        const response: any = await post(JSON.stringify({ query: BOOK, variables }))
          .then((body) => JSON.parse(body))
          .catch((error: Error) => ({ errors: [{ message: error.message }] }));
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
  return { issued, confirmed, waiting, refusals: [...refusals], seconds: (performance.now() - start) / 1000 };
}

async function run({ url, clients, sessions, warmup, bookings }: BookingLoadPlan): Promise<BookingLoadResult> {
  const target = new URL(url);
  const connections = clients.map((headers) => connection(target, headers));
  try {
    const warmed = await drive(connections, sessions, warmup);
    return { warmup: warmed, measured: await drive(connections, sessions, bookings) };
  } finally {
    for (const { close } of connections) close();
  }
}

process.once('message', (plan: BookingLoadPlan) => {
  void run(plan).then((result) => process.send!(result, () => process.disconnect()));
});
