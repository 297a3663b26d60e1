/**
 * Reads a TLS ClientHello off a paused data socket without consuming it, so the
 * data connection's session store can look up a TLS 1.3 PSK identity (Node's
 * 'resumeSession' event only sees the random legacy session id) —
 * node-tls-spike.md §1. The bytes are unshifted before TLS gets the socket.
 */
import type { Socket } from 'node:net';

export interface ClientHelloInfo {
  /** Every byte read (all records holding the ClientHello), to unshift. */
  readonly bytes: Buffer;
  /** pre_shared_key identities (TLS 1.3); for a stateful server they are session ids. */
  readonly pskIdentities: readonly Buffer[];
  /** Legacy session id (TLS 1.2 resumption). */
  readonly sessionId: Buffer;
}

const MAX_HELLO = 64 * 1024;

/** Resolves with the ClientHello, or undefined when the stream is not a TLS handshake. */
export function peekClientHello(socket: Socket, timeoutMs: number): Promise<ClientHelloInfo | undefined> {
  return new Promise((resolve, reject) => {
    let buf = Buffer.alloc(0);
    const timer = setTimeout(() => finish(new Error('timed out waiting for the TLS ClientHello')), timeoutMs);
    const finish = (err: Error | undefined, info?: ClientHelloInfo) => {
      clearTimeout(timer);
      socket.removeListener('data', onData);
      socket.removeListener('end', onEnd);
      socket.removeListener('error', onError);
      socket.pause();
      if (buf.length) socket.unshift(buf);
      if (err) reject(err);
      else resolve(info);
    };
    const onEnd = () => finish(new Error('data connection closed before the TLS handshake'));
    const onError = (e: Error) => finish(e);
    const onData = (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      const hello = parseHandshake(buf);
      if (hello === 'incomplete' && buf.length < MAX_HELLO) return;
      finish(undefined, hello === 'incomplete' || hello === 'invalid' ? undefined : { bytes: buf, ...hello });
    };
    socket.on('data', onData);
    socket.once('end', onEnd);
    socket.once('error', onError);
    socket.resume(); // accepted paused (pauseOnConnect / connect): start reading now
  });
}

type Parsed = { pskIdentities: Buffer[]; sessionId: Buffer } | 'incomplete' | 'invalid';

/** Joins handshake-record bodies until the ClientHello message is whole, then parses it. */
export function parseHandshake(buf: Buffer): Parsed {
  const bodies: Buffer[] = [];
  let at = 0;
  let total = 0;
  while (at + 5 <= buf.length) {
    if (buf[at] !== 0x16 || buf[at + 1] !== 0x03) return 'invalid';
    const len = buf.readUInt16BE(at + 3);
    if (at + 5 + len > buf.length) break;
    bodies.push(buf.subarray(at + 5, at + 5 + len));
    total += len;
    at += 5 + len;
    const msg = Buffer.concat(bodies, total);
    if (msg.length >= 4) {
      if (msg[0] !== 0x01) return 'invalid';
      const msgLen = msg.readUIntBE(1, 3);
      if (msg.length >= 4 + msgLen) return parseClientHello(msg.subarray(4, 4 + msgLen));
    }
  }
  if (buf.length >= 1 && buf[0] !== 0x16) return 'invalid';
  return 'incomplete';
}

function parseClientHello(b: Buffer): Parsed {
  try {
    let p = 2 + 32; // legacy_version, random
    const sidLen = b[p];
    const sessionId = b.subarray(p + 1, p + 1 + sidLen);
    p += 1 + sidLen;
    p += 2 + b.readUInt16BE(p); // cipher_suites
    p += 1 + b[p]; // compression_methods
    const pskIdentities: Buffer[] = [];
    if (p + 2 > b.length) return { pskIdentities, sessionId };
    const extEnd = p + 2 + b.readUInt16BE(p);
    p += 2;
    while (p + 4 <= extEnd) {
      const type = b.readUInt16BE(p);
      const len = b.readUInt16BE(p + 2);
      const data = b.subarray(p + 4, p + 4 + len);
      p += 4 + len;
      if (type !== 41) continue; // pre_shared_key
      const idsLen = data.readUInt16BE(0);
      let q = 2;
      while (q < 2 + idsLen) {
        const idLen = data.readUInt16BE(q);
        pskIdentities.push(Buffer.from(data.subarray(q + 2, q + 2 + idLen)));
        q += 2 + idLen + 4; // identity, obfuscated_ticket_age
      }
    }
    return { pskIdentities, sessionId: Buffer.from(sessionId) };
  } catch {
    return 'invalid';
  }
}
