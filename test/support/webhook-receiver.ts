import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';

export interface ReceivedDelivery {
  headers: IncomingMessage['headers'];
  /** The body exactly as it arrived, for checking the signature. */
  raw: Buffer;
  body: Record<string, unknown>;
  /** The status this receiver answered with (null: it never answered). */
  answered: number | null;
}

/** How the receiver answers the n-th request (1-based): a status, or `hang` to never answer. */
export type Answer = (n: number, delivery: ReceivedDelivery) => number | 'hang';

/** A newsroom system on 127.0.0.1 that records every webhook request it is sent. */
export class WebhookReceiver {
  readonly received: ReceivedDelivery[] = [];
  private readonly waiters: (() => void)[] = [];
  private readonly hanging = new Set<ServerResponse>();

  private constructor(private readonly server: Server, readonly url: string, public answer: Answer) {}

  static async start(answer: Answer = () => 200): Promise<WebhookReceiver> {
    let receiver!: WebhookReceiver;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        const delivery: ReceivedDelivery = { headers: req.headers, raw, body: JSON.parse(raw.toString('utf8')) as Record<string, unknown>, answered: null };
        const status = receiver.answer(receiver.received.length + 1, delivery);
        receiver.received.push(delivery);
        if (status === 'hang') receiver.hanging.add(res);
        else {
          delivery.answered = status;
          res.writeHead(status).end('ok');
        }
        receiver.waiters.splice(0).forEach((wake) => wake());
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    receiver = new WebhookReceiver(server, `http://127.0.0.1:${port}/hook`, answer);
    return receiver;
  }

  /** Waits until `check` holds for what was received (polled on each request, up to `ms`). */
  async until(check: (received: ReceivedDelivery[]) => boolean, ms = 30_000): Promise<ReceivedDelivery[]> {
    const deadline = Date.now() + ms;
    while (!check(this.received)) {
      if (Date.now() > deadline) throw new Error(`receiver: condition not met in ${ms} ms; got ${this.received.map((d) => `${String(d.headers['x-claimdesk-event'])}→${d.answered}`).join(', ')}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
    return this.received;
  }

  async close(): Promise<void> {
    this.hanging.forEach((res) => res.destroy());
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
