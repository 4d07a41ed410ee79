// How the app learns the client's address from server/server.mjs. Next.js does not expose the socket to routes
// and keeps any X-Forwarded-For a client sends, so our server copies the connection's address into a request
// header of its own. A client can send that header too: it counts only in a process where our server declared it
// (a flag on globalThis, which no request can set). Under plain `next start` the header means nothing.

export const peerAddressHeader = 'x-cotech-peer-address';

const declared = Symbol.for('cotech.peerAddressHeader');

/** Called by server/server.mjs before Next.js loads: from now on it overwrites the header on every request. */
export function declarePeerAddressHeader() {
  globalThis[declared] = true;
}

/** Whether this process runs behind server/server.mjs, so the header is the connection's address. */
export function peerAddressHeaderIsDeclared() {
  return globalThis[declared] === true;
}
