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
import { type Actor, Authenticated, CurrentActor, IdempotencyInterceptor, IdParam, type Page, PageView, Role } from '@jalin/core';
import { ApplicationsService } from './applications.service.js';
import { ApplicationView, ApplyDto, InviteDto } from './dto/application.dto.js';
import { CreateOpportunityDto, OpportunityListQuery, OpportunityView, TransitionDto, UpdateOpportunityDto } from './dto/opportunity.dto.js';
import { OpportunitiesService } from './opportunities.service.js';

@ApiTags('opportunities')
@Controller('opportunities')
export class OpportunitiesController {
  constructor(
    private readonly opportunities: OpportunitiesService,
    private readonly applications: ApplicationsService,
  ) {}

  @Post()
  @Authenticated({ roles: [Role.PARTNER] })
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOperation({ summary: 'Create a partnership opportunity (DRAFT). KBLI codes and regions are checked against reference data; supportOffered must suit the pattern' })
  @ApiCreatedResponse({ type: OpportunityView })
  @ApiBadRequestResponse({ description: 'Invalid fields, unknown KBLI or region codes, a support type the pattern does not allow (named)' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateOpportunityDto): Promise<OpportunityView> {
    return this.opportunities.create(actor, dto);
  }

  @Get()
  @Authenticated()
  @ApiOperation({
    summary:
      'OPEN opportunities, newest published first (filters pattern, kbli prefix, region, q); partners with mine=true see their own of every status, newest first',
  })
  @ApiOkResponse({ type: PageView(OpportunityView) })
  list(@CurrentActor() actor: Actor, @Query() query: OpportunityListQuery): Promise<Page<OpportunityView>> {
    return this.opportunities.list(actor, query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'One opportunity; a DRAFT only to its own partner. An OPEN one past closesAt reads CLOSED (DEADLINE)' })
  @ApiOkResponse({ type: OpportunityView })
  @ApiNotFoundResponse()
  get(@CurrentActor() actor: Actor, @IdParam('Opportunity') id: string): Promise<OpportunityView> {
    return this.opportunities.findOne(actor, id);
  }

  @Patch(':id')
  @Authenticated({ roles: [Role.PARTNER] })
  @ApiOperation({ summary: 'Edit own opportunity while DRAFT; send `version` to guard against concurrent edits' })
  @ApiOkResponse({ type: OpportunityView })
  @ApiNotFoundResponse({ description: 'Not found, or not your opportunity' })
  @ApiConflictResponse({ description: 'Not a DRAFT any more, or a stale version' })
  update(@CurrentActor() actor: Actor, @IdParam('Opportunity') id: string, @Body() dto: UpdateOpportunityDto): Promise<OpportunityView> {
    return this.opportunities.update(actor, id, dto);
  }

  @Post(':id/publish')
  @Authenticated({ roles: [Role.PARTNER] })
  @HttpCode(200)
  @ApiOperation({
    summary:
      'DRAFT → OPEN. Needs the partner’s PIC (PP 44/1997 Pasal 14 huruf c) and a future closesAt; records the Pasal 14 huruf a duty (publishing opportunities)',
  })
  @ApiOkResponse({ type: OpportunityView })
  @ApiNotFoundResponse({ description: 'Not found, or not your opportunity' })
  @ApiConflictResponse({ description: 'Not a DRAFT, no PIC appointed, closesAt passed, or a stale version' })
  publish(@CurrentActor() actor: Actor, @IdParam('Opportunity') id: string, @Body() dto: TransitionDto): Promise<OpportunityView> {
    return this.opportunities.publish(actor, id, dto);
  }

  @Post(':id/close')
  @Authenticated({ roles: [Role.PARTNER] })
  @HttpCode(200)
  @ApiOperation({ summary: 'OPEN → CLOSED (reason MANUAL)' })
  @ApiOkResponse({ type: OpportunityView })
  @ApiNotFoundResponse({ description: 'Not found, or not your opportunity' })
  @ApiConflictResponse({ description: 'Not OPEN (a draft, or already closed — also by its deadline), or a stale version' })
  close(@CurrentActor() actor: Actor, @IdParam('Opportunity') id: string, @Body() dto: TransitionDto): Promise<OpportunityView> {
    return this.opportunities.close(actor, id, dto);
  }

  @Post(':id/applications')
  @Authenticated({ roles: [Role.ENTERPRISE] })
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOperation({ summary: 'Apply (→ SUBMITTED). An open invitation of the firm becomes this application (same id)' })
  @ApiCreatedResponse({ type: ApplicationView })
  @ApiNotFoundResponse({ description: 'No such opportunity (drafts are invisible to firms)' })
  @ApiConflictResponse({ description: 'The opportunity is closed (by hand, deadline or filled slots), or the firm already has an active application' })
  apply(@CurrentActor() actor: Actor, @IdParam('Opportunity') id: string, @Body() dto: ApplyDto): Promise<ApplicationView> {
    return this.applications.apply(actor, id, dto);
  }

  @Post(':id/invitations')
  @Authenticated({ roles: [Role.PARTNER] })
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOperation({ summary: 'Invite a small firm to apply (→ INVITED); the firm is notified and answers by applying or declining' })
  @ApiCreatedResponse({ type: ApplicationView })
  @ApiNotFoundResponse({ description: 'Not your opportunity, or no such enterprise' })
  @ApiConflictResponse({ description: 'The opportunity is not OPEN, or the firm already has an active application or invitation' })
  invite(@CurrentActor() actor: Actor, @IdParam('Opportunity') id: string, @Body() dto: InviteDto): Promise<ApplicationView> {
    return this.applications.invite(actor, id, dto);
  }
}
