import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, Authenticated, CurrentActor, Role } from '@jalin/core';
import { BreakdownQuery, BreakdownView, DEFINITIONS, OverdueQuery, OverdueView, PartnersQuery, PartnersView, SummaryView, TrendView } from './figures.dto.js';
import { FILTER_DEFINITIONS, MonitoringFilterQuery } from './filters.js';
import { FiguresService } from './figures.service.js';

const OVERSIGHT = [Role.MINISTRY, Role.ADMIN];

const SCOPE =
  'MINISTRY and ADMIN only (firms and partners get 403). An officer limited to provinces sees only partnerships whose small firm lies in them, in every list and every total. ' +
  'Figures come from a snapshot the worker takes every 5 minutes; `asOf` says which.';

const FILTERS =
  `Filters: province — ${FILTER_DEFINITIONS.province} kbli — ${FILTER_DEFINITIONS.kbli} pattern — ${FILTER_DEFINITIONS.pattern} ` +
  `from/to — ${FILTER_DEFINITIONS.from}`;

const FIGURES =
  `Definitions. agreements: ${DEFINITIONS.agreements} smallFirmsReached: ${DEFINITIONS.smallFirmsReached} obligations: ${DEFINITIONS.obligations} ` +
  `reports: ${DEFINITIONS.reports} onTimeReportRate: ${DEFINITIONS.onTimeReportRate} overdueCount: ${DEFINITIONS.overdue} ` +
  `coachingSessionsDelivered: ${DEFINITIONS.coachingSessionsDelivered}`;

const BAD_FILTER = 'A filter is malformed (province not a province code, kbli not a section letter or 2–5 digits, pattern unknown, a date that does not exist, to before from) or a cursor was not issued here';

@ApiTags('monitoring')
@Controller('monitoring')
export class FiguresController {
  constructor(private readonly figures: FiguresService) {}

  @Get('summary')
  @Authenticated({ roles: OVERSIGHT })
  @ApiOperation({
    summary: 'Compliance figures: agreements by status and pattern, small firms reached, obligations by status, on-time report rate, overdue count, coaching sessions delivered',
    description: `${SCOPE}\n\n${FIGURES}\n\n${FILTERS}`,
  })
  @ApiOkResponse({ type: SummaryView })
  @ApiBadRequestResponse({ description: BAD_FILTER })
  summary(@CurrentActor() actor: Actor, @Query() q: MonitoringFilterQuery): Promise<SummaryView> {
    return this.figures.summary(actor, q);
  }

  @Get('breakdown')
  @Authenticated({ roles: OVERSIGHT })
  @ApiOperation({
    summary: 'The summary’s figures per province (the small firm’s), KBLI division (2 digits, with its title) or pattern',
    description: `${SCOPE}\n\nEach group carries the same figures as the summary; groups sum to the summary, except smallFirmsReached (a firm reached in two groups counts in each).\n\n${FIGURES}\n\n${FILTERS}`,
  })
  @ApiOkResponse({ type: BreakdownView })
  @ApiBadRequestResponse({ description: `${BAD_FILTER}; or by missing or not province, kbli or pattern` })
  breakdown(@CurrentActor() actor: Actor, @Query() q: BreakdownQuery): Promise<BreakdownView> {
    return this.figures.breakdown(actor, q);
  }

  @Get('partners')
  @Authenticated({ roles: OVERSIGHT })
  @ApiOperation({
    summary: 'Per partner: agreements and active agreements, on-time report rate, overdue count, PIC appointed; sortable, keyset pages',
    description:
      `${SCOPE}\n\nA partner is listed when anything of it is counted under the filters (an agreement starting, an obligation due or a session held in the window). ` +
      `Each figure counts only the partner's partnerships under the filters. sort = overdue (default, desc) | onTimeRate | activeAgreements | agreements | picAppointed | name (default asc); ` +
      `order = asc | desc. A cursor belongs to its sort and order.\n\n${FIGURES}\n\n${FILTERS}`,
  })
  @ApiOkResponse({ type: PartnersView })
  @ApiBadRequestResponse({ description: BAD_FILTER })
  partners(@CurrentActor() actor: Actor, @Query() q: PartnersQuery): Promise<PartnersView> {
    return this.figures.partners(actor, q);
  }

  @Get('overdue')
  @Authenticated({ roles: OVERSIGHT })
  @ApiOperation({
    summary: 'Overdue obligations, oldest due date first (keyset pages), with agreement, partner, small firm, province and days overdue',
    description: `${SCOPE}\n\nAn obligation is listed when it is OVERDUE at asOf (open after its due day, in its own zone); from/to bound its due date; type narrows to one obligation type.\n\n${FILTERS}`,
  })
  @ApiOkResponse({ type: OverdueView })
  @ApiBadRequestResponse({ description: BAD_FILTER })
  overdue(@CurrentActor() actor: Actor, @Query() q: OverdueQuery): Promise<OverdueView> {
    return this.figures.overdue(actor, q);
  }

  @Get('trend')
  @Authenticated({ roles: OVERSIGHT })
  @ApiOperation({
    summary: 'On-time report rate and overdue count per month of the due date (for the dashboard chart)',
    description: `${SCOPE}\n\nEach month: reports due that month (as the summary defines them), on time, late, overdue, the rate, and obligations of every type due that month and overdue at asOf.\n\n${FILTERS}`,
  })
  @ApiOkResponse({ type: TrendView })
  @ApiBadRequestResponse({ description: BAD_FILTER })
  trend(@CurrentActor() actor: Actor, @Query() q: MonitoringFilterQuery): Promise<TrendView> {
    return this.figures.trend(actor, q);
  }
}
