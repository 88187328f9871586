import { Body, Controller, Get, HttpCode, Patch, Post, Query, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type Actor, Authenticated, CurrentActor, IdempotencyInterceptor, IdParam, IntParam, type Page, PageView, Role } from '@jalin/core';
import { TransitionDto } from '@jalin/opportunities';
import { AgreementLifecycleService } from './agreement-lifecycle.service.js';
import { AgreementsService } from './agreements.service.js';
import { AgreementSummaryView, AgreementView, TermsVersionView } from './dto/agreement-view.dto.js';
import { AgreementListQuery, CloseAmendmentDto, CreateAgreementDto, ProposeAmendmentDto, TerminateDto, UpdateAgreementDto } from './dto/agreement.dto.js';

const NOT_YOURS = 'No such agreement, or not one of yours';
const PARTIES = [Role.PARTNER, Role.ENTERPRISE];

@ApiTags('agreements')
@Controller('agreements')
export class AgreementsController {
  constructor(
    private readonly agreements: AgreementsService,
    private readonly lifecycle: AgreementLifecycleService,
  ) {}

  @Post()
  @Authenticated({ roles: [Role.PARTNER] })
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOperation({
    summary:
      'Draft an agreement (DRAFT, terms version 1, number KMT/<year>/<6 digits>) from an ACCEPTED application to one of your opportunities. Commitment types must suit the pattern (INTI_PLASMA: PP 44/1997 Pasal 3; SUBCONTRACT: Pasal 4)',
  })
  @ApiCreatedResponse({ type: AgreementView })
  @ApiBadRequestResponse({ description: 'Invalid fields; a commitment type the pattern does not allow (named, e.g. commitments.2.type); endDate not after startDate; a HUMAN_RESOURCES activity other than TRAINING, APPRENTICESHIP, COMPARATIVE_STUDY, CONSULTATION' })
  @ApiNotFoundResponse({ description: 'No such application, or not to one of your opportunities' })
  @ApiConflictResponse({ description: 'The application is not ACCEPTED, or already has a live agreement' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAgreementDto): Promise<AgreementView> {
    return this.agreements.create(actor, dto);
  }

  @Get()
  @Authenticated()
  @ApiOperation({
    summary:
      'Agreements newest first: the two parties see their own; MINISTRY and ADMIN all (an officer limited to provinces, those whose partner or small firm lies in them). Filters status, pattern, partnerId, enterpriseId',
  })
  @ApiOkResponse({ type: PageView(AgreementSummaryView) })
  list(@CurrentActor() actor: Actor, @Query() query: AgreementListQuery): Promise<Page<AgreementSummaryView>> {
    return this.agreements.list(actor, query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'One agreement: terms in force, live commitments with their confirm/dispute state, coaching plan, signatures, pending amendment and every terms version' })
  @ApiOkResponse({ type: AgreementView })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  get(@CurrentActor() actor: Actor, @IdParam('Agreement') id: string): Promise<AgreementView> {
    return this.agreements.findOne(actor, id);
  }

  @Patch(':id')
  @Authenticated({ roles: [Role.PARTNER] })
  @ApiOperation({ summary: 'Edit the terms of your DRAFT; commitments and coaching replace the lists whole. Send `version` to guard against concurrent edits' })
  @ApiOkResponse({ type: AgreementView })
  @ApiBadRequestResponse({ description: 'As for creation' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiConflictResponse({ description: 'The terms are frozen once signed (submitted): change them through an amendment; or a stale version' })
  update(@CurrentActor() actor: Actor, @IdParam('Agreement') id: string, @Body() dto: UpdateAgreementDto): Promise<AgreementView> {
    return this.agreements.update(actor, id, dto);
  }

  @Post(':id/submit')
  @Authenticated({ roles: [Role.PARTNER] })
  @UseInterceptors(IdempotencyInterceptor)
  @HttpCode(200)
  @ApiOperation({ summary: 'DRAFT → AWAITING_SIGNATURES (owning partner); the terms freeze and the small firm is asked to sign' })
  @ApiOkResponse({ type: AgreementView })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiConflictResponse({ description: 'Not a DRAFT, or a stale version' })
  submit(@CurrentActor() actor: Actor, @IdParam('Agreement') id: string, @Body() dto: TransitionDto): Promise<AgreementView> {
    return this.lifecycle.submit(actor, id, dto);
  }

  @Post(':id/sign')
  @Authenticated({ roles: PARTIES })
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOperation({
    summary:
      'Sign as your party: the amendment awaiting signatures when there is one, else the original terms. Once both parties have signed the original, the agreement is ACTIVE and its obligations are generated; once both have signed an amendment, it is in force',
  })
  @ApiCreatedResponse({ type: AgreementView, description: 'The signature was recorded' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiConflictResponse({ description: 'Your party already signed this version; nothing awaits signatures (a DRAFT, an ACTIVE agreement without a pending amendment, or an ended one); or a stale version' })
  sign(@CurrentActor() actor: Actor, @IdParam('Agreement') id: string, @Body() dto: TransitionDto): Promise<AgreementView> {
    return this.lifecycle.sign(actor, id, dto);
  }

  @Post(':id/amendments')
  @Authenticated({ roles: PARTIES })
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOperation({ summary: 'Propose new terms (version n+1) for an ACTIVE agreement, with a reason; in force once both parties sign it (POST /agreements/:id/sign)' })
  @ApiCreatedResponse({ type: TermsVersionView, description: 'The proposed version, AWAITING_SIGNATURES' })
  @ApiBadRequestResponse({ description: 'As for creation' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiConflictResponse({ description: 'The agreement is not ACTIVE, another amendment awaits signatures, or a stale version' })
  amend(@CurrentActor() actor: Actor, @IdParam('Agreement') id: string, @Body() dto: ProposeAmendmentDto): Promise<TermsVersionView> {
    return this.lifecycle.amend(actor, id, dto);
  }

  @Post(':id/amendments/:termsVersion/withdraw')
  @Authenticated({ roles: PARTIES })
  @UseInterceptors(IdempotencyInterceptor)
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw the amendment your party proposed, with a reason, before both parties have signed it: it becomes WITHDRAWN and the terms in force stay as they were' })
  @ApiOkResponse({ type: AgreementView })
  @ApiBadRequestResponse({ description: 'No reason, or a malformed version' })
  @ApiNotFoundResponse({ description: `${NOT_YOURS}; or no such amendment` })
  @ApiConflictResponse({ description: 'The amendment no longer awaits signatures (in force, withdrawn or declined), the other party proposed it (decline it instead), or a stale version' })
  withdrawAmendment(
    @CurrentActor() actor: Actor,
    @IdParam('Agreement') id: string,
    @IntParam('Amendment', 'termsVersion') termsVersion: number,
    @Body() dto: CloseAmendmentDto,
  ): Promise<AgreementView> {
    return this.lifecycle.closeAmendment(actor, id, termsVersion, 'withdraw', dto);
  }

  @Post(':id/amendments/:termsVersion/decline')
  @Authenticated({ roles: PARTIES })
  @UseInterceptors(IdempotencyInterceptor)
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline the amendment the other party proposed, with a reason: it becomes DECLINED and the terms in force stay as they were' })
  @ApiOkResponse({ type: AgreementView })
  @ApiBadRequestResponse({ description: 'No reason, or a malformed version' })
  @ApiNotFoundResponse({ description: `${NOT_YOURS}; or no such amendment` })
  @ApiConflictResponse({ description: 'The amendment no longer awaits signatures, your party proposed it (withdraw it instead), or a stale version' })
  declineAmendment(
    @CurrentActor() actor: Actor,
    @IdParam('Agreement') id: string,
    @IntParam('Amendment', 'termsVersion') termsVersion: number,
    @Body() dto: CloseAmendmentDto,
  ): Promise<AgreementView> {
    return this.lifecycle.closeAmendment(actor, id, termsVersion, 'decline', dto);
  }

  @Post(':id/complete')
  @Authenticated({ roles: [Role.PARTNER] })
  @UseInterceptors(IdempotencyInterceptor)
  @HttpCode(200)
  @ApiOperation({ summary: 'ACTIVE → COMPLETED (owning partner), once endDate has passed in the partner’s zone' })
  @ApiOkResponse({ type: AgreementView })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiConflictResponse({ description: 'Not ACTIVE, endDate not yet passed, or a stale version' })
  complete(@CurrentActor() actor: Actor, @IdParam('Agreement') id: string, @Body() dto: TransitionDto): Promise<AgreementView> {
    return this.lifecycle.complete(actor, id, dto);
  }

  @Post(':id/terminate')
  @Authenticated({ roles: PARTIES })
  @UseInterceptors(IdempotencyInterceptor)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'End the agreement with a reason (either party). ACTIVE → TERMINATED cancels its open obligations; a DRAFT or one awaiting signatures may be terminated (abandoned) too, freeing the application',
  })
  @ApiOkResponse({ type: AgreementView })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiConflictResponse({ description: 'Already COMPLETED or TERMINATED, or a stale version' })
  terminate(@CurrentActor() actor: Actor, @IdParam('Agreement') id: string, @Body() dto: TerminateDto): Promise<AgreementView> {
    return this.lifecycle.terminate(actor, id, dto);
  }
}
