import { Controller, Get, HttpCode, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, Authenticated, CurrentActor, IdempotencyInterceptor, IdParam, Role } from '@jalin/core';
import { FindingListQuery, FindingPageView, FindingRunView, FindingView, RuleListView } from './dto/finding.dto.js';
import { FindingsService } from './findings.service.js';

const OVERSIGHT = [Role.MINISTRY, Role.ADMIN];
const SCOPE = 'A ministry officer limited to provinces sees only findings whose partner or small firm lies in one of them.';

@ApiTags('monitoring: risk rules')
@Controller('monitoring')
export class FindingsController {
  constructor(private readonly findings: FindingsService) {}

  @Get('rules')
  @Authenticated({ roles: OVERSIGHT })
  @ApiOperation({
    summary: 'The risk rules: code, title (id, en), legal basis, severity, what each finds',
    description: `Each rule is one set-based query run daily by the worker (02:00 WIB) and on demand. openFindings counts the OPEN findings the caller may see. ${SCOPE}`,
  })
  @ApiOkResponse({ type: RuleListView })
  rules(@CurrentActor() actor: Actor): Promise<RuleListView> {
    return this.findings.rules(actor);
  }

  @Get('findings')
  @Authenticated({ roles: OVERSIGHT })
  @ApiOperation({
    summary: 'Risk findings, worst first (severity HIGH → LOW, then oldest first); OPEN by default',
    description:
      'Filters: rule, severity, status (OPEN, RESOLVED, ALL), province (the partner’s or the small firm’s), partnerId (alias partner), agreementId, ' +
      'kbli (prefix of the partner’s or the small firm’s KBLI codes), pattern (the agreement’s), from / to (days in WIB: findings open at some time in the window). ' +
      'A finding is unique per (rule, subject) while OPEN: a re-run refreshes it; the first run that no longer finds its condition marks it RESOLVED; ' +
      `if the condition comes back, a new finding opens (the resolved one stays as history). asOf is when the last run finished. ${SCOPE}`,
  })
  @ApiOkResponse({ type: FindingPageView })
  list(@CurrentActor() actor: Actor, @Query() query: FindingListQuery): Promise<FindingPageView> {
    return this.findings.list(actor, query);
  }

  @Get('findings/:id')
  @Authenticated({ roles: OVERSIGHT })
  @ApiOperation({ summary: 'One finding with its rule, legal basis and details', description: SCOPE })
  @ApiOkResponse({ type: FindingView })
  @ApiNotFoundResponse({ description: 'No such finding, or not one you may see' })
  findOne(@CurrentActor() actor: Actor, @IdParam('Finding') id: string): Promise<FindingView> {
    return this.findings.findOne(actor, id);
  }

  @Post('findings/run')
  @Authenticated({ roles: OVERSIGHT })
  @HttpCode(200)
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOperation({
    summary: 'Run every risk rule now (inline, under a statement timeout) and answer with what changed',
    description:
      'The same run the worker makes daily, in one transaction with its audit record: new findings open, seen ones are refreshed, unseen ones resolve. ' +
      'Counts of what changed (opened, kept, resolved) are nationwide and given only to callers not limited to provinces; open counts are scoped to the caller.',
  })
  @ApiOkResponse({ type: FindingRunView })
  @ApiConflictResponse({ description: 'A run is in progress already' })
  run(@CurrentActor() actor: Actor): Promise<FindingRunView> {
    return this.findings.run(actor);
  }
}
