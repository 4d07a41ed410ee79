// How the app learns the client's address from server/server.ts. Next.js does not expose the socket to routes
// and keeps any X-Forwarded-For a client sends, so our server copies the connection's address into a request
// header of its own. A client can send that header too: it counts only in a process where our server declared it
// (a flag on globalThis, which no request can set). Under plain `next start` the header means nothing.
// It imports nothing: plain Node.js loads it from server/ as it is, and Next.js bundles it into the app.

export const peerAddressHeader = 'x-cotech-peer-address';

const declared = Symbol.for('cotech.peerAddressHeader');
// Each bundle gets its own copy of this module, so the flag lives on globalThis.
const holder = globalThis as typeof globalThis & { [declared]?: boolean };

/** Called by server/server.ts before Next.js loads: from now on it overwrites the header on every request. */
export function declarePeerAddressHeader(): void {
  holder[declared] = true;
}

/** Whether this process runs behind server/server.ts, so the header is the connection's address. */
export function peerAddressHeaderIsDeclared(): boolean {
  return holder[declared] === true;
}
