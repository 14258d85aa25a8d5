import Fastify from 'fastify';
import { Writable } from 'node:stream';
import { readSettings } from '@claimdesk/core';
import { chooseLogFormat, loggerOptions, NestPinoLogger } from './logging';

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

  it('keeps Nest\'s module-initialisation lines below info (failed on main: every "Mapped {...}" route at info)', async () => {
    const atInfo = collector();
    const atDebug = collector();
    for (const [level, { stream }] of [['info', atInfo], ['debug', atDebug]] as const) {
      const fastify = Fastify(loggerOptions(settingsAt(level), stream));
      const logger = new NestPinoLogger(fastify.log);
      logger.log('AppModule dependencies initialized', 'InstanceLoader');
      logger.log('ArticlesController {/api/v1/articles}:', 'RoutesResolver');
      logger.log('Mapped {/api/v1/articles, GET} route', 'RouterExplorer');
      logger.log('Starting Nest application...', 'NestFactory');
      logger.log('Nest application successfully started', 'NestApplication');
      await fastify.close();
    }
    expect(atInfo.records.map((r) => r.msg)).toEqual(['Nest application successfully started']);
    expect(atDebug.records.filter((r) => r.level === 20).map((r) => r.context)).toEqual(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);
  });

  it('writes readable lines, not JSON, in the pretty format (failed on main: JSON on a terminal too)', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter((line) => line.trim()));
        done();
      },
    });
    const settings = readSettings({ DATABASE_URL: 'sqlite://:memory:', LOG_FORMAT: 'pretty' });
    const fastify = Fastify(loggerOptions(settings, undefined, { out: stream, isTTY: false }));
    fastify.get('/api/v1/articles', async () => ({ items: [] }));
    await fastify.inject({ method: 'GET', url: '/api/v1/articles' });
    await fastify.close();
    const line = lines.find((l) => l.includes('request completed'));
    expect(line).toMatch(/INFO.*request completed: GET \/api\/v1\/articles → 200 in [\d.]+ ms/);
    expect(() => JSON.parse(line ?? '')).toThrow();
  });
});

describe('chooseLogFormat', () => {
  it.each([
    [null, true, 'pretty'],
    [null, false, 'json'],
    ['json', true, 'json'],
    ['pretty', false, 'pretty'],
  ] as const)('LOG_FORMAT %p with a terminal %p → %p', (setting, isTTY, format) => {
    expect(chooseLogFormat(setting, isTTY)).toBe(format);
  });
});
