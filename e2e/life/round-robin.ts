import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';

// Hop-by-hop headers belong to one connection, not to the request or answer passed on.
const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade', 'te']);

function passOn(port: number, request: IncomingMessage, body: Buffer, response: ServerResponse): Promise<void> {
  const peer = request.socket.remoteAddress ?? 'unknown';
  const forwardedFor = request.headers['x-forwarded-for'];
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !hopByHop.has(name)));
  return new Promise((resolve, reject) => {
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: request.method,
        path: request.url,
        // The Host the browser sent is kept, as a reverse proxy does: the site's same-origin checks compare with it.
        headers: { ...headers, 'x-forwarded-for': forwardedFor ? `${forwardedFor}, ${peer}` : peer },
        agent: false,
      },
      (answer) => {
        const raw: string[] = [];
        for (let i = 0; i + 1 < answer.rawHeaders.length; i += 2) {
          const name = answer.rawHeaders[i] ?? '';
          if (!hopByHop.has(name.toLowerCase())) raw.push(name, answer.rawHeaders[i + 1] ?? '');
        }
        response.writeHead(answer.statusCode ?? 502, raw);
        answer.pipe(response);
        answer.on('end', resolve);
        answer.on('error', reject);
      },
    );
    upstream.on('error', reject);
    upstream.end(body);
  });
}

/** The header naming the actor a request comes from (recordingFetch and the actors' browsers send it). */
export const actorHeader = 'x-life-actor';

/**
 * Two (or more) instances of the site behind one address, as a load balancer puts them: each actor's requests go to
 * the instances in turn (a balancer would go round-robin over everyone's; counting per actor makes sure each
 * person's own requests alternate). A connection an instance refuses (it is restarting) goes to the next one, as a
 * balancer's health checks would send it; anything else an instance answers, a 503 while it stops included, is
 * passed on as it is.
 */
export async function startRoundRobin(port: number, instancePorts: readonly number[]) {
  const turns = new Map<string, number>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const body = Buffer.concat(chunks);
      const actor = String(request.headers[actorHeader] ?? '');
      const first = turns.get(actor) ?? 0;
      turns.set(actor, first + 1);
      for (let tried = 0; tried < instancePorts.length; tried++) {
        try {
          await passOn(instancePorts[(first + tried) % instancePorts.length] ?? 0, request, body, response);
          return;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ECONNREFUSED' || response.headersSent) {
            response.destroy();
            return;
          }
        }
      }
      response.writeHead(502, { 'content-type': 'text/plain' }).end('No instance answered.\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      return closed;
    },
  };
}
