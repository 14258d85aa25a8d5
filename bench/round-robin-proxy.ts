/**
 * A small round-robin TCP proxy for the multi-instance benchmark (bench/instances.bench.ts): each
 * incoming connection is piped to the next backend in turn. Keep-alive HTTP connections stay on the
 * backend they were given, as behind most L4 balancers; with many client connections the load spreads evenly.
 *
 *   node -r ts-node/register/transpile-only bench/round-robin-proxy.ts --port=8080 --to=127.0.0.1:3001,127.0.0.1:3002
 *
 * Prints "listening <port>" once it accepts connections; stops on SIGTERM.
 */
import { connect, createServer, Socket } from 'node:net';

export function roundRobinProxy(backends: ReadonlyArray<{ host: string; port: number }>) {
  let next = 0;
  return createServer((client: Socket) => {
    const backend = backends[next++ % backends.length];
    const upstream = connect(backend.port, backend.host);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close);
    upstream.on('error', close);
    client.on('close', close);
    upstream.on('close', close);
  });
}

if (require.main === module) {
  const arg = (name: string): string => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? '';
  const backends = arg('to').split(',').map((b) => {
    const [host, port] = b.split(':');
    return { host, port: Number(port) };
  });
  const server = roundRobinProxy(backends);
  server.listen(Number(arg('port')), '127.0.0.1', () => process.stdout.write(`listening ${(server.address() as { port: number }).port}\n`));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
