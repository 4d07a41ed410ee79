// How `npm start`'s server closes a connection after refusing a request whose body it did not read (413, 411, a
// malformed target): a lingering close. Closing a socket while the client is still sending makes the kernel answer
// what arrives next with a reset, and a reset can reach the client before it has read the refusal, which it then
// never sees (1 to 3 in 10 tries of an 8 MB form, measured). So the server sends its answer and its FIN, then reads
// and discards whatever the client still sends, until the client closes its side or `lingerMs` has passed.
// Node.js runs it as TypeScript (type stripping): only erasable syntax.
import type { Socket } from 'node:net';

/** How long a refused client may go on sending before the connection is cut: about what Apache waits. */
export const lingerMs = 2_000;

// The sockets whose request was answered by a refusal: whatever their parser finds wrong in the body that follows
// (a chunk size that overflows, say) has been answered already, and gets no second answer.
const refused = new WeakSet<Socket>();

/** Whether this connection's request was refused and answered, so that a later parse error gets no answer. */
export const wasRefused = (socket: Socket): boolean => refused.has(socket);

/**
 * Makes the close that Node.js does after an answer with `Connection: close` (it calls `destroySoon`) a lingering
 * one, for this socket. Call it before the answer is written.
 */
export function closeLingering(socket: Socket, waitMs = lingerMs): void {
  refused.add(socket);
  socket.destroySoon = function (this: Socket) {
    this.end();
    const cut = setTimeout(() => this.destroy(), waitMs);
    cut.unref();
    this.once('close', () => clearTimeout(cut));
    // The client has closed its side: nothing more will arrive.
    this.once('end', () => this.destroy());
    // Node.js's parser still reads the socket (and discards a body it was not asked to read); this makes sure the
    // socket flows even where it does not, so the kernel's buffer never fills.
    this.resume();
  };
}
