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
import { ProgressReportView, ReportDraftQuery, ReportDraftView, ReportListQuery, ReportReviewDto, ReportSubmitDto } from './dto/report.dto.js';
import { ReportsService } from './reports.service.js';

@ApiTags('reports')
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('agreements/:id/reports/draft')
  @Authenticated({ roles: [Role.PARTNER] })
  @ApiOperation({
    summary: 'A progress report for one period, pre-filled from the platform (owning partner)',
    description:
      'Sessions confirmed in the period by aspect and activity, commitments confirmed or disputed (with reasons), volumes of commitments due in it, ' +
      'payments on time unless a LATE_PAYMENT dispute was raised, both parties’ identity, the pattern and agreement number. ' +
      'periodStart, periodEnd, summary, volumes, coachingDelivered, paymentsOnTime and issues are the submission’s fields.',
  })
  @ApiOkResponse({ type: ReportDraftView })
  @ApiNotFoundResponse({ description: 'Not your agreement, or no reporting period of it ends on periodEnd' })
  draft(@CurrentActor() actor: Actor, @IdParam('Agreement') id: string, @Query() q: ReportDraftQuery): Promise<ReportDraftView> {
    return this.reports.draft(actor, id, q.periodEnd);
  }

  @Post('agreements/:id/reports')
  @Authenticated({ roles: [Role.PARTNER] })
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOperation({
    summary: 'File the progress report of a period (owning partner); fulfils that period’s PROGRESS_REPORT',
    description: 'The first filing is SUBMITTED; after a revision request, filing again makes it RESUBMITTED as the next version (every version kept).',
  })
  @ApiCreatedResponse({ type: ProgressReportView })
  @ApiBadRequestResponse({ description: 'Invalid fields, or periodStart not the start of the period ending periodEnd' })
  @ApiNotFoundResponse({ description: 'Not your agreement' })
  @ApiConflictResponse({ description: 'No open period ends on periodEnd; the report awaits review or is ACCEPTED; or a stale version' })
  submit(@CurrentActor() actor: Actor, @IdParam('Agreement') id: string, @Body() dto: ReportSubmitDto): Promise<ProgressReportView> {
    return this.reports.submit(actor, id, dto);
  }

  @Get('reports')
  @Authenticated()
  @ApiOperation({ summary: 'Progress reports, newest first: the parties their own, MINISTRY and ADMIN all (filters agreementId, status)' })
  @ApiOkResponse({ type: PageView(ProgressReportView) })
  list(@CurrentActor() actor: Actor, @Query() q: ReportListQuery): Promise<Page<ProgressReportView>> {
    return this.reports.list(actor, q);
  }

  @Get('reports/:id')
  @Authenticated()
  @ApiOperation({ summary: 'One progress report with every submitted version' })
  @ApiOkResponse({ type: ProgressReportView })
  @ApiNotFoundResponse({ description: 'No such report, or not one you may see' })
  get(@CurrentActor() actor: Actor, @IdParam('Progress report') id: string): Promise<ProgressReportView> {
    return this.reports.findOne(actor, id);
  }

  @Post('reports/:id/review')
  @Authenticated({ roles: [Role.MINISTRY] })
  @HttpCode(200)
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOperation({
    summary: 'Review the latest version (ministry): ACCEPTED, or REVISION_REQUESTED with a note',
    description: 'A revision request reopens the period’s obligation, due 14 days after the review day; the partner is told either way.',
  })
  @ApiOkResponse({ type: ProgressReportView })
  @ApiNotFoundResponse({ description: 'No such report, or not one you may see' })
  @ApiConflictResponse({ description: 'Not awaiting review (SUBMITTED or RESUBMITTED), or a stale version' })
  review(@CurrentActor() actor: Actor, @IdParam('Progress report') id: string, @Body() dto: ReportReviewDto): Promise<ProgressReportView> {
    return this.reports.review(actor, id, dto);
  }
}
