import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, Authenticated, CurrentActor, IdParam, type Page, PageView, Role } from '@jalin/core';
import { ApplicationsService } from './applications.service.js';
import { ApplicationListQuery, ApplicationView, DecisionDto } from './dto/application.dto.js';
import { TransitionDto } from './dto/opportunity.dto.js';

const NOT_YOURS = 'No such application, or not one of yours';

@ApiTags('applications')
@Controller('applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'A firm’s own applications and invitations; a partner’s, to its opportunities; all for MINISTRY and ADMIN. Newest first' })
  @ApiOkResponse({ type: PageView(ApplicationView) })
  list(@CurrentActor() actor: Actor, @Query() query: ApplicationListQuery): Promise<Page<ApplicationView>> {
    return this.applications.list(actor, query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'One application, to the two parties and oversight' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  get(@CurrentActor() actor: Actor, @IdParam('Application') id: string): Promise<ApplicationView> {
    return this.applications.findOne(actor, id);
  }

  @Post(':id/shortlist')
  @Authenticated({ roles: [Role.PARTNER] })
  @HttpCode(200)
  @ApiOperation({ summary: 'SUBMITTED → SHORTLISTED (owning partner)' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiConflictResponse({ description: 'Not SUBMITTED, or a stale version' })
  shortlist(@CurrentActor() actor: Actor, @IdParam('Application') id: string, @Body() dto: DecisionDto): Promise<ApplicationView> {
    return this.applications.shortlist(actor, id, dto);
  }

  @Post(':id/accept')
  @Authenticated({ roles: [Role.PARTNER] })
  @HttpCode(200)
  @ApiOperation({ summary: 'SUBMITTED | SHORTLISTED → ACCEPTED, within the slots; filling the last slot closes the opportunity (SLOTS_FILLED)' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiConflictResponse({ description: 'Already decided, withdrawn or only invited; every slot filled; or a stale version' })
  accept(@CurrentActor() actor: Actor, @IdParam('Application') id: string, @Body() dto: DecisionDto): Promise<ApplicationView> {
    return this.applications.accept(actor, id, dto);
  }

  @Post(':id/reject')
  @Authenticated({ roles: [Role.PARTNER] })
  @HttpCode(200)
  @ApiOperation({ summary: 'SUBMITTED | SHORTLISTED → REJECTED (owning partner)' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiConflictResponse({ description: 'Already decided, withdrawn or only invited; or a stale version' })
  reject(@CurrentActor() actor: Actor, @IdParam('Application') id: string, @Body() dto: DecisionDto): Promise<ApplicationView> {
    return this.applications.reject(actor, id, dto);
  }

  @Post(':id/withdraw')
  @Authenticated({ roles: [Role.ENTERPRISE] })
  @HttpCode(200)
  @ApiOperation({ summary: 'SUBMITTED | SHORTLISTED → WITHDRAWN, before a decision (the applying firm)' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiConflictResponse({ description: 'Already decided, withdrawn, or an invitation (decline it instead); or a stale version' })
  withdraw(@CurrentActor() actor: Actor, @IdParam('Application') id: string, @Body() dto: TransitionDto): Promise<ApplicationView> {
    return this.applications.withdraw(actor, id, dto);
  }

  @Post(':id/decline')
  @Authenticated({ roles: [Role.ENTERPRISE] })
  @HttpCode(200)
  @ApiOperation({ summary: 'INVITED → DECLINED: the invited firm turns the invitation down' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiConflictResponse({ description: 'Not an open invitation, or a stale version' })
  decline(@CurrentActor() actor: Actor, @IdParam('Application') id: string, @Body() dto: TransitionDto): Promise<ApplicationView> {
    return this.applications.decline(actor, id, dto);
  }
}
