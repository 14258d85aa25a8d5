import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { Public } from '@claimdesk/core';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthCheckService, private readonly database: TypeOrmHealthIndicator) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: '{ status: "ok", info: { database: { status: "up" } } }' })
  @ApiServiceUnavailableResponse({ description: 'the database is unreachable' })
  async check(@Res() reply: FastifyReply): Promise<void> {
    try {
      const result = await this.health.check([() => this.database.pingCheck('database', { timeout: 2000 })]);
      await reply.status(200).send({ status: 'ok', info: result.info });
    } catch (error) {
      const details = (error as { response?: unknown }).response ?? null;
      await reply.status(503).send({ status: 'error', details });
    }
  }
}
