import { request, IncomingMessage } from 'node:http';

export interface ReceivedEvent {
  id: number;
  type: string;
  data: { type: string; articleId: string; entityId: string; entity: unknown; actorId: string | null; at: string };
}

/** A minimal EventSource for tests: collects parsed events and can wait for the n-th one. */
export class SseClient {
  readonly events: ReceivedEvent[] = [];
  status = 0;
  private buffer = '';
  private response: IncomingMessage | null = null;
  private waiters: (() => void)[] = [];

  private constructor(private readonly abort: () => void) {}

  static open(baseUrl: string, path: string, token: string, lastEventId?: number): Promise<SseClient> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' };
      if (lastEventId !== undefined) headers['Last-Event-ID'] = String(lastEventId);
      const req = request(`${baseUrl}${path}`, { headers });
      const client = new SseClient(() => req.destroy());
      req.on('response', (res) => {
        client.status = res.statusCode ?? 0;
        client.response = res;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => client.feed(chunk));
        res.on('error', () => undefined);
        // Resolve once the stream is open (the server writes `retry:` first).
        setTimeout(() => resolve(client), 50);
      });
      req.on('error', (error) => (client.response ? undefined : reject(error)));
      req.end();
    });
  }

  /** Resolves when at least `count` events have arrived, or rejects after `ms`. */
  async waitFor(count: number, ms = 5000): Promise<ReceivedEvent[]> {
    const deadline = Date.now() + ms;
    while (this.events.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} events, got ${this.events.length}: ${this.events.map((e) => e.type).join(', ')}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return this.events;
  }

  close(): void {
    this.abort();
  }

  private feed(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const fields: Record<string, string> = {};
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        if (colon > 0) fields[line.slice(0, colon)] = line.slice(colon + 1).trimStart();
      }
      // Logged events have an id; hints such as `queue.changed` have none (id NaN here); heartbeats are left out.
      if (fields.data && (fields.id || (fields.event && fields.event !== 'heartbeat'))) {
        this.events.push({ id: fields.id ? Number(fields.id) : Number.NaN, type: fields.event, data: JSON.parse(fields.data) as ReceivedEvent['data'] });
      }
    }
    this.waiters.splice(0).forEach((wake) => wake());
  }
}
