import { Body, Controller, Get, HttpCode, Post, Query, Req, StreamableFile, UseInterceptors } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { type Actor, Authenticated, CurrentActor, IdempotencyInterceptor, IdempotencyService, IdParam, type Page, PageView, Role, withDeferredIdempotency } from '@jalin/core';
import { ObligationEvidenceDto, ObligationListQuery, ObligationView, ObligationWaiveDto } from './dto/obligation.dto.js';
import { readEvidenceUpload } from './evidence-upload.js';
import { ObligationsService } from './obligations.service.js';

const NOT_YOURS = 'No such obligation, or not one you may see';

@ApiTags('obligations')
@ApiExtraModels(ObligationEvidenceDto)
@Controller('obligations')
export class ObligationsController {
  constructor(
    private readonly obligations: ObligationsService,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary: 'Obligations, by due date: the two parties their own, MINISTRY and ADMIN all (a province-limited officer: where the partner or the small firm lies)',
    description:
      'status is derived when read, in the obligation’s zone: an open obligation is UPCOMING (due more than 7 days ahead), DUE (within 7 days, the due day included) or OVERDUE; ' +
      'otherwise FULFILLED, WAIVED or CANCELLED. Filters: agreementId, status, type, dueFrom, dueTo.',
  })
  @ApiOkResponse({ type: PageView(ObligationView) })
  list(@CurrentActor() actor: Actor, @Query() query: ObligationListQuery): Promise<Page<ObligationView>> {
    return this.obligations.list(actor, query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'One obligation with its evidence' })
  @ApiOkResponse({ type: ObligationView })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  get(@CurrentActor() actor: Actor, @IdParam('Obligation') id: string): Promise<ObligationView> {
    return this.obligations.findOne(actor, id);
  }

  @Post(':id/evidence')
  @Authenticated({ roles: [Role.PARTNER, Role.ENTERPRISE] })
  @UseInterceptors(IdempotencyInterceptor)
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({
    description:
      'multipart/form-data with a `file` part (PDF, JPEG or PNG, judged from its bytes; size-capped by UPLOAD_LIMIT_BYTES) and optional `note`, `url`, `version` fields; ' +
      'or JSON `{ note, url, version }`',
    schema: {
      oneOf: [
        {
          type: 'object',
          properties: { file: { type: 'string', format: 'binary' }, note: { type: 'string' }, url: { type: 'string' }, version: { type: 'integer' } },
        },
        { $ref: getSchemaPath(ObligationEvidenceDto) },
      ],
    },
  })
  @ApiOperation({
    summary: 'Evidence from the party that owes the obligation; marks it FULFILLED where evidence suffices',
    description:
      'APPOINT_PIC and HONOUR_AGREEMENT are fulfilled by evidence; COACHING once its session is confirmed; PROGRESS_REPORT only by a report. ' +
      'The file’s sha256 is recorded and shown. A failed upload writes nothing.',
  })
  @ApiCreatedResponse({ type: ObligationView })
  @ApiNotFoundResponse({ description: 'No such obligation, or not one your organisation owes' })
  @ApiConflictResponse({ description: 'The obligation is WAIVED or CANCELLED, or a stale version' })
  @ApiPayloadTooLargeResponse({ description: 'The file exceeds the upload limit (nothing is stored)' })
  @ApiUnsupportedMediaTypeResponse({ description: 'The file is not a PDF, JPEG or PNG (judged from its bytes)' })
  async addEvidence(
    @CurrentActor() actor: Actor,
    @IdParam('Obligation') id: string,
    @Req() req: FastifyRequest,
    @Body() body: ObligationEvidenceDto,
  ): Promise<ObligationView> {
    if (!req.isMultipart()) return this.obligations.addEvidence(actor, id, { note: body.note, url: body.url, version: body.version });
    const input = await readEvidenceUpload(req);
    const fingerprint = JSON.stringify({
      note: input.note ?? null,
      url: input.url ?? null,
      version: input.version ?? null,
      file: input.file ? createHash('sha256').update(input.file.bytes).digest('hex') : null,
      fileName: input.file?.fileName ?? null,
    });
    return withDeferredIdempotency(this.idempotency, req, fingerprint, () => this.obligations.addEvidence(actor, id, input));
  }

  @Post(':id/waive')
  @Authenticated({ roles: [Role.MINISTRY] })
  @HttpCode(200)
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOperation({ summary: 'OPEN → WAIVED, with a reason (ministry); the partner is told' })
  @ApiOkResponse({ type: ObligationView })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiConflictResponse({ description: 'Not OPEN (already fulfilled, waived or cancelled), or a stale version' })
  waive(@CurrentActor() actor: Actor, @IdParam('Obligation') id: string, @Body() dto: ObligationWaiveDto): Promise<ObligationView> {
    return this.obligations.waive(actor, id, dto);
  }
}

@ApiTags('obligations')
@Controller('evidence')
export class EvidenceController {
  constructor(private readonly obligations: ObligationsService) {}

  @Get(':id/download')
  @Authenticated()
  @ApiOperation({ summary: 'An evidence file, to those who may see its obligation, with its media type (judged from its bytes when uploaded)' })
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  @ApiOkResponse({ description: 'The file', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: 'No such file, or not one you may see' })
  async download(@CurrentActor() actor: Actor, @IdParam('Evidence') id: string): Promise<StreamableFile> {
    const f = await this.obligations.openEvidence(actor, id);
    const opts = { type: f.mediaType, length: f.sizeBytes, disposition: contentDisposition(f.fileName) };
    return Buffer.isBuffer(f.stream) ? new StreamableFile(f.stream, opts) : new StreamableFile(f.stream, opts);
  }
}

/** `attachment` with an ASCII fallback name and the UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
