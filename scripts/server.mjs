// The production server: Next.js behind a plain node:http server, so that routes can know the client's
// address (Next.js does not expose the socket, and keeps any X-Forwarded-For a client sends).
import { createServer } from 'node:http';
import next from 'next';

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || 'localhost';
const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

createServer((request, response) => {
  // Must match peerAddressHeader in lib/enquiries/client-address.ts.
  request.headers['x-cotech-peer-address'] = request.socket.remoteAddress ?? 'unknown';
  handle(request, response);
}).listen(port, hostname, () => {
  console.log(`CoTech site ready on http://${hostname}:${port}`);
});
