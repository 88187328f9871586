import { Body, Controller, Get, HttpCode, Post, Query, Req, StreamableFile, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
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
import { type Actor, Authenticated, CurrentActor, IdempotencyInterceptor, IdempotencyService, IdParam, type Page, Role, withDeferredIdempotency } from '@jalin/core';
import { contentDisposition } from '@jalin/obligations';
import { readCaseUpload, uploadFingerprint } from './case-upload.js';
import { type CaseFileDownload, CasesService } from './cases.service.js';
import {
  CancelCaseDto,
  CaseConclusionOnlyView,
  CaseDetailView,
  CaseListQuery,
  CaseMessageDto,
  CaseMessageView,
  CasePageView,
  CaseView,
  CompleteCaseDto,
  ConcludeCaseDto,
  CreateCaseDto,
  PartyCaseListQuery,
  RemedyReportDto,
  VersionedCaseDto,
} from './dto/case.dto.js';

const OVERSIGHT = [Role.MINISTRY, Role.ADMIN];
const NOT_SEEN = 'No such case, or not one you may see';
const SCOPE = 'A ministry officer limited to provinces sees the cases whose partner or small firm lies in one of them.';
const LIFECYCLE =
  'Statuses (one transition table): DRAFT → ACTIVE (opened; the partner is told) → ADDRESSED (a violation the partner must remedy) | DECLINED (no violation) → COMPLETED ' +
  '(from ADDRESSED once the partner filed a remedy report; directly from DECLINED); CANCELLED from DRAFT or ACTIVE. Any other move is 409.';
const UPLOAD =
  'JSON, or multipart/form-data with up to five `file` parts (PDF, JPEG or PNG judged from their bytes, each capped by UPLOAD_LIMIT_BYTES; sha256 recorded) beside the text field. ' +
  'A failed upload stores nothing.';

function fileResponse(f: CaseFileDownload): StreamableFile {
  const opts = { type: f.mediaType, length: f.sizeBytes, disposition: contentDisposition(f.fileName) };
  return Buffer.isBuffer(f.stream) ? new StreamableFile(f.stream, opts) : new StreamableFile(f.stream, opts);
}

const multipartBody = (textField: 'text' | 'summary', dto: typeof CaseMessageDto | typeof RemedyReportDto) =>
  ApiBody({
    description: UPLOAD,
    schema: {
      oneOf: [
        { type: 'object', properties: { [textField]: { type: 'string' }, file: { type: 'array', items: { type: 'string', format: 'binary' } } } },
        { $ref: getSchemaPath(dto) },
      ],
    },
  });

@ApiTags('monitoring: cases')
@ApiExtraModels(CaseMessageDto)
@Controller('monitoring/cases')
export class MonitoringCasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Post()
  @Authenticated({ roles: OVERSIGHT })
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOperation({
    summary: 'Open a monitoring case (DRAFT) on a partner or an agreement, by hand or from a finding, with a reason and the period examined',
    description:
      'Send agreementId (a case on one agreement: its small firm will see the conclusion), or partnerId (the partner as a whole), or findingId alone ' +
      `(the finding’s agreement, else its partner). A DRAFT is internal to the ministry until opened. ${SCOPE}`,
  })
  @ApiCreatedResponse({ type: CaseDetailView })
  @ApiBadRequestResponse({ description: 'Invalid fields, no subject named, a period that ends before it starts, or a partner/agreement that is not the finding’s' })
  @ApiNotFoundResponse({ description: 'No such finding, agreement or partner, or not one you may see' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCaseDto): Promise<CaseDetailView> {
    return this.cases.create(actor, dto);
  }

  @Get()
  @Authenticated({ roles: OVERSIGHT })
  @ApiOperation({ summary: 'Monitoring cases, newest first; filters status, partnerId, agreementId, findingId', description: `${LIFECYCLE} ${SCOPE}` })
  @ApiOkResponse({ type: CasePageView })
  list(@CurrentActor() actor: Actor, @Query() q: CaseListQuery): Promise<Page<CaseView>> {
    return this.cases.list(actor, q);
  }

  @Get(':id')
  @Authenticated({ roles: OVERSIGHT })
  @ApiOperation({ summary: 'One case with its dialogue (messages, attachments, remedy reports)', description: SCOPE })
  @ApiOkResponse({ type: CaseDetailView })
  @ApiNotFoundResponse({ description: NOT_SEEN })
  get(@CurrentActor() actor: Actor, @IdParam('Monitoring case') id: string): Promise<CaseDetailView> {
    return this.cases.get(actor, id);
  }

  @Post(':id/open')
  @Authenticated({ roles: OVERSIGHT })
  @HttpCode(200)
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOperation({ summary: 'DRAFT → ACTIVE: the partner is notified in-app and may now see the case and answer', description: LIFECYCLE })
  @ApiOkResponse({ type: CaseDetailView })
  @ApiNotFoundResponse({ description: NOT_SEEN })
  @ApiConflictResponse({ description: 'Not DRAFT, or a stale version' })
  open(@CurrentActor() actor: Actor, @IdParam('Monitoring case') id: string, @Body() dto: VersionedCaseDto): Promise<CaseDetailView> {
    return this.cases.open(actor, id, dto);
  }

  @Post(':id/conclusion')
  @Authenticated({ roles: OVERSIGHT })
  @HttpCode(200)
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOperation({
    summary: 'The officer’s conclusion on an ACTIVE case: violation → ADDRESSED, no violation → DECLINED',
    description:
      'violation: true requires violationType, requiredRemedy and remedyDueDate (today or later in the partner’s zone): the partner must remedy it by then (ADDRESSED). ' +
      'violation: false means no violation and nothing to remedy; those three fields are refused (DECLINED). The partner and, for an agreement, the small firm are notified.',
  })
  @ApiOkResponse({ type: CaseDetailView })
  @ApiBadRequestResponse({ description: 'Missing or refused conclusion fields, or a remedy due date in the past' })
  @ApiNotFoundResponse({ description: NOT_SEEN })
  @ApiConflictResponse({ description: 'Not ACTIVE, or a stale version' })
  conclude(@CurrentActor() actor: Actor, @IdParam('Monitoring case') id: string, @Body() dto: ConcludeCaseDto): Promise<CaseDetailView> {
    return this.cases.conclude(actor, id, dto);
  }

  @Post(':id/complete')
  @Authenticated({ roles: OVERSIGHT })
  @HttpCode(200)
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOperation({ summary: 'ADDRESSED (once the partner filed a remedy report) or DECLINED → COMPLETED', description: LIFECYCLE })
  @ApiOkResponse({ type: CaseDetailView })
  @ApiNotFoundResponse({ description: NOT_SEEN })
  @ApiConflictResponse({ description: 'Not ADDRESSED or DECLINED, ADDRESSED without a remedy report, or a stale version' })
  complete(@CurrentActor() actor: Actor, @IdParam('Monitoring case') id: string, @Body() dto: CompleteCaseDto): Promise<CaseDetailView> {
    return this.cases.complete(actor, id, dto);
  }

  @Post(':id/cancel')
  @Authenticated({ roles: OVERSIGHT })
  @HttpCode(200)
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOperation({ summary: 'DRAFT or ACTIVE → CANCELLED, with a reason (the partner is told if the case was ACTIVE)', description: LIFECYCLE })
  @ApiOkResponse({ type: CaseDetailView })
  @ApiNotFoundResponse({ description: NOT_SEEN })
  @ApiConflictResponse({ description: 'Concluded, completed or cancelled already, or a stale version' })
  cancel(@CurrentActor() actor: Actor, @IdParam('Monitoring case') id: string, @Body() dto: CancelCaseDto): Promise<CaseDetailView> {
    return this.cases.cancel(actor, id, dto);
  }

  @Post(':id/messages')
  @Authenticated({ roles: OVERSIGHT })
  @UseInterceptors(IdempotencyInterceptor)
  @ApiConsumes('multipart/form-data', 'application/json')
  @multipartBody('text', CaseMessageDto)
  @ApiOperation({ summary: 'The officer writes to the partner (ACTIVE, ADDRESSED or DECLINED cases); the partner is notified', description: UPLOAD })
  @ApiCreatedResponse({ type: CaseMessageView })
  @ApiNotFoundResponse({ description: NOT_SEEN })
  @ApiConflictResponse({ description: 'The case is DRAFT, COMPLETED or CANCELLED' })
  @ApiPayloadTooLargeResponse({ description: 'A file exceeds the upload limit (nothing is stored)' })
  @ApiUnsupportedMediaTypeResponse({ description: 'A file is not a PDF, JPEG or PNG (judged from its bytes)' })
  async message(@CurrentActor() actor: Actor, @IdParam('Monitoring case') id: string, @Req() req: FastifyRequest, @Body() body: CaseMessageDto): Promise<CaseMessageView> {
    if (!req.isMultipart()) return this.cases.officerMessage(actor, id, { text: body?.text, files: [] });
    const upload = await readCaseUpload(req, 'text');
    return withDeferredIdempotency(this.idempotency, req, uploadFingerprint(upload), () => this.cases.officerMessage(actor, id, upload));
  }

  @Get(':id/attachments/:attachmentId')
  @Authenticated({ roles: OVERSIGHT })
  @ApiOperation({ summary: 'An attachment of the case’s dialogue, with its media type (judged from its bytes when uploaded)', description: SCOPE })
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  @ApiOkResponse({ description: 'The file', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: 'No such attachment, or not one you may see' })
  async attachment(@CurrentActor() actor: Actor, @IdParam('Monitoring case') id: string, @IdParam('Attachment', 'attachmentId') attachmentId: string): Promise<StreamableFile> {
    return fileResponse(await this.cases.officerFile(actor, id, attachmentId));
  }
}

/**
 * The parties' side of monitoring cases (firms and partners get 403 on /monitoring routes): the
 * partner reads its cases from ACTIVE on, answers and reports its remedy; the small firm party to
 * the agreement reads the conclusion only. Anyone else: 404.
 */
@ApiTags('monitoring: cases')
@ApiExtraModels(RemedyReportDto, CaseConclusionOnlyView)
@Controller('cases')
export class PartyCasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Get()
  @Authenticated({ roles: [Role.PARTNER, Role.ENTERPRISE] })
  @ApiOperation({
    summary: 'Monitoring cases about you, newest first: a partner its own (from ACTIVE on, with status, reason and conclusion); a small firm the conclusions on its agreements',
    description: 'Items are CaseView for a partner, CaseConclusionOnlyView for a small firm. Filter: status.',
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: {
        items: { type: 'array', items: { oneOf: [{ $ref: getSchemaPath(CaseView) }, { $ref: getSchemaPath(CaseConclusionOnlyView) }] } },
        nextCursor: { type: 'string', nullable: true },
      },
    },
  })
  list(@CurrentActor() actor: Actor, @Query() q: PartyCaseListQuery): Promise<Page<CaseView | CaseConclusionOnlyView>> {
    return this.cases.partyList(actor, q);
  }

  @Get(':id')
  @Authenticated({ roles: [Role.PARTNER, Role.ENTERPRISE] })
  @ApiOperation({ summary: 'One case: the partner sees it with its dialogue; the small firm the conclusion only (once concluded)' })
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(CaseDetailView) }, { $ref: getSchemaPath(CaseConclusionOnlyView) }] } })
  @ApiNotFoundResponse({ description: 'No such case, a DRAFT, another organisation’s, or (small firm) not concluded yet' })
  get(@CurrentActor() actor: Actor, @IdParam('Monitoring case') id: string): Promise<CaseDetailView | CaseConclusionOnlyView> {
    return this.cases.partyGet(actor, id);
  }

  @Post(':id/messages')
  @Authenticated({ roles: [Role.PARTNER] })
  @UseInterceptors(IdempotencyInterceptor)
  @ApiConsumes('multipart/form-data', 'application/json')
  @multipartBody('text', CaseMessageDto)
  @ApiOperation({ summary: 'The partner answers in the case’s dialogue (ACTIVE, ADDRESSED or DECLINED); the officer who created the case is notified', description: UPLOAD })
  @ApiCreatedResponse({ type: CaseMessageView })
  @ApiNotFoundResponse({ description: 'No such case, or not yours' })
  @ApiConflictResponse({ description: 'The case is COMPLETED or CANCELLED' })
  @ApiPayloadTooLargeResponse({ description: 'A file exceeds the upload limit (nothing is stored)' })
  @ApiUnsupportedMediaTypeResponse({ description: 'A file is not a PDF, JPEG or PNG (judged from its bytes)' })
  async message(@CurrentActor() actor: Actor, @IdParam('Monitoring case') id: string, @Req() req: FastifyRequest, @Body() body: CaseMessageDto): Promise<CaseMessageView> {
    if (!req.isMultipart()) return this.cases.partnerMessage(actor, id, { text: body?.text, files: [] });
    const upload = await readCaseUpload(req, 'text');
    return withDeferredIdempotency(this.idempotency, req, uploadFingerprint(upload), () => this.cases.partnerMessage(actor, id, upload));
  }

  @Post(':id/remedy-report')
  @Authenticated({ roles: [Role.PARTNER] })
  @UseInterceptors(IdempotencyInterceptor)
  @ApiConsumes('multipart/form-data', 'application/json')
  @multipartBody('summary', RemedyReportDto)
  @ApiOperation({
    summary: 'The partner reports how it remedied the violation (ADDRESSED cases): summary and attachments; the officer may then complete the case',
    description: UPLOAD,
  })
  @ApiCreatedResponse({ type: CaseDetailView })
  @ApiNotFoundResponse({ description: 'No such case, or not yours' })
  @ApiConflictResponse({ description: 'The case is not ADDRESSED' })
  @ApiPayloadTooLargeResponse({ description: 'A file exceeds the upload limit (nothing is stored)' })
  @ApiUnsupportedMediaTypeResponse({ description: 'A file is not a PDF, JPEG or PNG (judged from its bytes)' })
  async remedyReport(@CurrentActor() actor: Actor, @IdParam('Monitoring case') id: string, @Req() req: FastifyRequest, @Body() body: RemedyReportDto): Promise<CaseDetailView> {
    if (!req.isMultipart()) return this.cases.remedyReport(actor, id, { text: body?.summary, files: [] });
    const upload = await readCaseUpload(req, 'summary');
    return withDeferredIdempotency(this.idempotency, req, uploadFingerprint(upload), () => this.cases.remedyReport(actor, id, upload));
  }

  @Get(':id/attachments/:attachmentId')
  @Authenticated({ roles: [Role.PARTNER] })
  @ApiOperation({ summary: 'An attachment of your case’s dialogue' })
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  @ApiOkResponse({ description: 'The file', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: 'No such attachment, or not yours' })
  async attachment(@CurrentActor() actor: Actor, @IdParam('Monitoring case') id: string, @IdParam('Attachment', 'attachmentId') attachmentId: string): Promise<StreamableFile> {
    return fileResponse(await this.cases.partnerFile(actor, id, attachmentId));
  }
}
