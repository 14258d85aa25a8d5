import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { ApiProblems, IsIsoTime, validationFailed } from '@claimdesk/core';
import { REPORT_FORMAT_NAMES, REPORT_FORMATS, ReportFormat, reportFileName, streamReport, wholeArticles } from '../render';
import { ApiReport } from './report.view';
import { ReportsService } from './reports.service';

export class ReportFormatQueryDto {
  @ApiPropertyOptional({ enum: REPORT_FORMAT_NAMES, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMAT_NAMES)
  format?: ReportFormat;
}

export class PeriodReportQueryDto extends ReportFormatQueryDto {
  @ApiProperty({ example: '2026-11-01', description: 'ISO date or time, inclusive' })
  @IsIsoTime()
  from!: string;

  @ApiProperty({ example: '2026-12-01', description: 'ISO date or time, exclusive' })
  @IsIsoTime()
  to!: string;
}

const attachment = (reply: FastifyReply, format: ReportFormat, fileName: string): void => {
  void reply.header('Content-Type', REPORT_FORMATS[format].contentType).header('Content-Disposition', `attachment; filename="${fileName}"`);
};

@ApiTags('reports and exchange')
@ApiBearerAuth()
@Controller('api/v1')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('articles/:id/report')
  @ApiReport('the verdict report of one article in the chosen format, as a download (Content-Disposition names the file)')
  @ApiProblems('not_found')
  async article(@Param('id') id: string, @Query() query: ReportFormatQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const format = query.format ?? 'json';
    const { fileName, body } = await this.reports.articleDownload(id, format);
    attachment(reply, format, fileName);
    // Encoded once here: a string would be scanned for its UTF-8 length, then encoded again on the socket.
    await reply.send(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
  }

  @Get('reports')
  @ApiReport('every verdict published in [from, to), streamed as a download')
  @ApiProblems()
  async period(@Query() query: PeriodReportQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const format = query.format ?? 'json';
    const from = new Date(query.from).toISOString();
    const to = new Date(query.to).toISOString();
    if (from >= to) throw validationFailed('to', 'must be after from');
    const header = this.reports.header({ from, to });
    attachment(reply, format, reportFileName(header, format));
    if (format === 'pdf') {
      // A PDF is whole before its first byte anyway (its pages say "of N"): gather, then draw in a worker.
      const articles = [];
      for await (const article of wholeArticles(this.reports.period(from, to))) articles.push(article);
      await reply.send(await this.reports.drawPdf({ ...header, articles }));
      return;
    }
    // One chunk of a few kilobytes at a time: the next is written only when the socket has taken the last.
    await reply.send(Readable.from(streamReport(format, header, this.reports.period(from, to)), { highWaterMark: 1 }));
  }
}
