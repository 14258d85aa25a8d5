import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '@claimdesk/core';
import { databaseFaultOf, engineOf, WritePath } from '@claimdesk/database';

const PING_TIMEOUT_MS = 2000;

/** Answers within PING_TIMEOUT_MS whether the database answers a query at all. */
async function ping(dataSource: DataSource): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      dataSource.query('SELECT 1'),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS))),
    ]);
    return null;
  } catch (error) {
    return databaseFaultOf(error)?.reason ?? (error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource, private readonly writePath: WritePath) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: '{ status: "ok", database: { engine, reachable: true, writable: true } }' })
  @ApiServiceUnavailableResponse({
    description: '{ status: "error", database: { engine, reachable, writable, fault: { kind, reason, since } } }: the database cannot be reached, or cannot commit writes (disk full, read-only) since a write failed, until one commits again',
  })
  async check(@Res() reply: FastifyReply): Promise<void> {
    const unreachable = await ping(this.dataSource);
    const { fault } = this.writePath.state;
    const database = {
      engine: engineOf(this.dataSource),
      reachable: unreachable === null,
      writable: unreachable === null && fault === null,
      ...(unreachable !== null ? { fault: { kind: 'unreachable', reason: unreachable } } : fault ? { fault } : {}),
    };
    if (database.writable) await reply.status(200).send({ status: 'ok', database });
    else await reply.status(503).send({ status: 'error', database });
  }
}
