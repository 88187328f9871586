import { Body, Controller, Get, HttpCode, Post, Query, UseInterceptors } from '@nestjs/common';
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
import {
  CoachingSessionView,
  SessionAttendanceDto,
  SessionConfirmDto,
  SessionDisputeDto,
  SessionListQuery,
  SessionScheduleDto,
} from './dto/session.dto.js';
import { SessionsService } from './sessions.service.js';

const NOT_YOURS = 'No such session, or not one of your agreements';

@ApiTags('coaching sessions')
@Controller()
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Post('agreements/:id/sessions')
  @Authenticated({ roles: [Role.PARTNER] })
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOperation({
    summary: 'Schedule a coaching session (owning partner, ACTIVE agreement); creates its COACHING obligation, due on the session’s day',
    description: 'HUMAN_RESOURCES activities: TRAINING, APPRENTICESHIP, COMPARATIVE_STUDY, CONSULTATION; other aspects name theirs freely.',
  })
  @ApiCreatedResponse({ type: CoachingSessionView })
  @ApiBadRequestResponse({ description: 'Invalid fields, an activity the aspect does not allow, or a day outside the agreement' })
  @ApiNotFoundResponse({ description: 'Not your agreement' })
  @ApiConflictResponse({ description: 'The agreement is not ACTIVE' })
  schedule(@CurrentActor() actor: Actor, @IdParam('Agreement') id: string, @Body() dto: SessionScheduleDto): Promise<CoachingSessionView> {
    return this.sessions.schedule(actor, id, dto);
  }

  @Get('sessions')
  @Authenticated()
  @ApiOperation({ summary: 'Coaching sessions by scheduled time: the parties their own, MINISTRY and ADMIN all (filters agreementId, status — e.g. DISPUTED)' })
  @ApiOkResponse({ type: PageView(CoachingSessionView) })
  list(@CurrentActor() actor: Actor, @Query() q: SessionListQuery): Promise<Page<CoachingSessionView>> {
    return this.sessions.list(actor, q);
  }

  @Get('sessions/:id')
  @Authenticated()
  @ApiOperation({ summary: 'One coaching session' })
  @ApiOkResponse({ type: CoachingSessionView })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  get(@CurrentActor() actor: Actor, @IdParam('Coaching session') id: string): Promise<CoachingSessionView> {
    return this.sessions.findOne(actor, id);
  }

  @Post('sessions/:id/attendance')
  @Authenticated({ roles: [Role.PARTNER] })
  @HttpCode(200)
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOperation({ summary: 'SCHEDULED → HELD with who attended (owning partner), once the session has begun' })
  @ApiOkResponse({ type: CoachingSessionView })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiConflictResponse({ description: 'Not SCHEDULED, not yet begun, or a stale version' })
  attendance(@CurrentActor() actor: Actor, @IdParam('Coaching session') id: string, @Body() dto: SessionAttendanceDto): Promise<CoachingSessionView> {
    return this.sessions.recordAttendance(actor, id, dto);
  }

  @Post('sessions/:id/confirm')
  @Authenticated({ roles: [Role.ENTERPRISE] })
  @HttpCode(200)
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOperation({ summary: 'HELD (or DISPUTED) → CONFIRMED by the small firm: the session counts as delivered and its COACHING obligation is fulfilled' })
  @ApiOkResponse({ type: CoachingSessionView })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiConflictResponse({ description: 'Not HELD or DISPUTED, or a stale version' })
  confirm(@CurrentActor() actor: Actor, @IdParam('Coaching session') id: string, @Body() dto: SessionConfirmDto): Promise<CoachingSessionView> {
    return this.sessions.confirm(actor, id, dto);
  }

  @Post('sessions/:id/dispute')
  @Authenticated({ roles: [Role.ENTERPRISE] })
  @HttpCode(200)
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOperation({ summary: 'HELD → DISPUTED by the small firm, with a reason: visible to the ministry, the partner is told' })
  @ApiOkResponse({ type: CoachingSessionView })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiConflictResponse({ description: 'Not HELD, or a stale version' })
  dispute(@CurrentActor() actor: Actor, @IdParam('Coaching session') id: string, @Body() dto: SessionDisputeDto): Promise<CoachingSessionView> {
    return this.sessions.dispute(actor, id, dto);
  }
}
