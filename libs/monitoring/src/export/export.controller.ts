import { Controller, Get, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Actor, Authenticated, CurrentActor, Role } from '@jalin/core';
import { AGREEMENT_COLUMNS, OBLIGATION_COLUMNS } from './columns.js';
import { MonitoringExportQuery } from './dto/export-query.dto.js';
import { ExportService } from './export.service.js';
import { OCID_PREFIX } from './ocds.js';

const columnList = (cols: readonly { name: string }[]) => cols.map((c) => c.name).join(', ');

@ApiTags('monitoring')
@Controller('monitoring')
export class ExportController {
  constructor(private readonly exports: ExportService) {}

  @Get('export')
  @Authenticated({ roles: [Role.MINISTRY, Role.ADMIN] })
  @ApiOperation({
    summary: 'Export agreements and their obligations: CSV, or an Open Contracting Data Standard 1.1 release package (MINISTRY, ADMIN)',
    description:
      'Streamed as it is read (chunked; keyset batches from the read-only connection), so any size is fine. ' +
      'Filters as the figures read them: province (the small firm’s province; a province-limited officer exports only partnerships whose small firm lies in the provinces), ' +
      'kbli (the agreement’s KBLI code: a section letter or a 2–5 digit prefix), pattern, from/to (agreements by start date; obligations by due date and coaching sessions by scheduled day, in the figures and in dataset=obligations). ' +
      'X-As-Of says when the data was read. ' +
      `format=csv (RFC 4180, UTF-8, header row; text cells starting with = + - @ are prefixed with ' so spreadsheets do not run them): ` +
      `dataset=agreements (default) — one row per agreement: ${columnList(AGREEMENT_COLUMNS)}. ` +
      'on_time_report_rate = reports submitted (obligation fulfilled) by their due date ÷ progress reports due (due date come, in the window; waived and cancelled ones excluded). ' +
      `dataset=obligations — one row per obligation of those agreements, by agreement and due date: ${columnList(OBLIGATION_COLUMNS)}. ` +
      `format=ocds: a release package (version 1.1, validated against the OCDS 1.1.5 schemas), one release per concluded agreement (ACTIVE, COMPLETED, TERMINATED), ocid ${OCID_PREFIX}-<agreement id>; ` +
      'partner = buyer, small firm = supplier, each with details.scale (micro, small, medium, large) and its NIB as identifier (scheme X-ID-NIB); ' +
      'the agreement is the contract (value = sum of commitment values in IDR), obligations its implementation.milestones (reporting, delivery, financing; scheduled, met, notMet), signed amendments with their rationale. ' +
      'No personal data of individuals (no PIC, contacts, addresses, NPWP, users).',
  })
  @ApiProduces('text/csv', 'application/json')
  @ApiOkResponse({
    description: 'The file, as an attachment',
    headers: {
      'Content-Disposition': { description: 'attachment; filename="jalin-<dataset|ocds>-<YYYY-MM-DD>.<csv|json>"', schema: { type: 'string' } },
      'X-As-Of': { description: 'When the exported data was read (ISO 8601)', schema: { type: 'string', format: 'date-time' } },
    },
    schema: { type: 'string', format: 'binary' },
  })
  @ApiBadRequestResponse({ description: 'Unknown format or dataset, a malformed filter, an unknown province, from after to, or dataset with format=ocds (problem details)' })
  async export(
    @CurrentActor() actor: Actor,
    @Query() query: MonitoringExportQuery,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.exports.open(actor, query, `${req.protocol}://${req.host}${req.url}`);
    reply.header('Cache-Control', 'no-store');
    reply.header('X-As-Of', file.asOf.toISOString());
    return new StreamableFile(file.stream, { type: file.contentType, disposition: `attachment; filename="${file.fileName}"` });
  }
}
