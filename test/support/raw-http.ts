import { request as httpRequest, IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { connect, Socket } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as sent, still compressed if they were. */
  body: Buffer;
  /** The body decoded from its Content-Encoding. */
  text: string;
}

/** One request over a real socket, with nothing decoded behind the test's back (supertest unzips). */
export function rawGet(base: string, path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, base), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        const plain = encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: plain.toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Bytes written to a plain TCP socket, and everything the server answered until it closed. */
export function rawExchange(base: string, bytes: string, waitMs = 10_000): Promise<{ answer: string; closed: boolean }> {
  const { port, hostname } = new URL(base);
  return new Promise((resolve) => {
    const socket: Socket = connect(Number(port), hostname, () => socket.write(bytes));
    let answer = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ answer, closed: false });
    }, waitMs);
    socket.on('data', (data: Buffer) => (answer += data.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ answer, closed: true });
    });
  });
}

/** The head and JSON body of a raw HTTP/1.1 answer. */
export function parseRawAnswer(answer: string): { status: number; headers: Record<string, string>; body: unknown } {
  const [head, ...rest] = answer.split('\r\n\r\n');
  const [statusLine, ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const text = rest.join('\r\n\r\n');
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the test says what it expected
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

/** Opens an event stream and hands back the response as soon as its head arrives. */
export function openStream(base: string, path: string, headers: Record<string, string>): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, base), { headers }, resolve);
    req.on('error', reject);
    req.end();
  });
}

/** Waits until `read()` contains `text`, or gives up after `ms`. */
export async function waitForText(read: () => string, text: string, ms = 10_000): Promise<string> {
  const deadline = Date.now() + ms;
  while (!read().includes(text) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return read();
}
