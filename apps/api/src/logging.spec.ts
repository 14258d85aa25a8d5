import Fastify from 'fastify';
import { Writable } from 'node:stream';
import { readSettings } from '@claimdesk/core';
import { loggerOptions, NestPinoLogger } from './logging';

/** What a log collector would receive: the JSON records written, in order. */
function collector(): { stream: Writable; records: Array<Record<string, unknown>> } {
  const records: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) records.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { stream, records };
}

const settingsAt = (level: string) => readSettings({ DATABASE_URL: 'sqlite://:memory:', LOG_LEVEL: level });

describe('logging', () => {
  it('writes one JSON line per answered request, without headers, and none for health probes', async () => {
    const { stream, records } = collector();
    const fastify = Fastify(loggerOptions(settingsAt('info'), stream));
    fastify.get('/api/v1/articles', async () => ({ items: [] }));
    fastify.get('/health', async () => ({ status: 'ok' }));
    await fastify.inject({ method: 'GET', url: '/api/v1/articles', headers: { authorization: 'Bearer secret-token', cookie: 'claimdesk_session=secret-cookie' } });
    await fastify.inject({ method: 'GET', url: '/health' });
    await fastify.close();

    const lines = records.filter((r) => r.msg === 'request completed');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, req: { method: 'GET', url: '/api/v1/articles' }, res: { statusCode: 200 } });
    expect(typeof lines[0].responseTime).toBe('number');
    expect(records.some((r) => r.msg === 'incoming request')).toBe(false);
    expect(JSON.stringify(records)).not.toMatch(/secret-token|secret-cookie/);
  });

  it('writes nothing per request below its level', async () => {
    const { stream, records } = collector();
    const fastify = Fastify(loggerOptions(settingsAt('warn'), stream));
    fastify.get('/x', async () => 'ok');
    await fastify.inject({ method: 'GET', url: '/x' });
    await fastify.close();
    expect(records).toEqual([]);
  });

  it("turns Nest's messages into records with their context, level and stack", async () => {
    const { stream, records } = collector();
    const fastify = Fastify(loggerOptions(settingsAt('info'), stream));
    const logger = new NestPinoLogger(fastify.log);
    logger.log('Nest application successfully started', 'NestApplication');
    logger.error('after-commit hook failed', 'Error: boom\n    at somewhere', 'Transactions');
    logger.debug('not at info', 'Anywhere');
    await fastify.close();
    expect(records).toEqual([
      expect.objectContaining({ level: 30, context: 'NestApplication', msg: 'Nest application successfully started' }),
      expect.objectContaining({ level: 50, context: 'Transactions', stack: 'Error: boom\n    at somewhere', msg: 'after-commit hook failed' }),
    ]);
  });
});
