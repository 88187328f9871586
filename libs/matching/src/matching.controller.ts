import { Controller, Get, Headers, Query } from '@nestjs/common';
import { ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, Authenticated, CurrentActor, IdParam, type Page, PageQuery, PageView, Role } from '@jalin/core';
import { type MatchItem, MatchingService, type RecommendationItem } from './matching.service.js';
import { MatchItemView, RecommendationItemView } from './dto/match.views.js';
import { localeFrom } from './reasons.js';

const SCORE_DOC =
  'score 0–100 = 100 × Σ weight × part; parts 0–1: sector 0.30 (deepest shared KBLI level 5/4/3/2 digits → 1/0.75/0.5/0.25), ' +
  'location 0.20 (same village/district/regency/province as the site → 1/0.8/0.6/0.3), capacity 0.15 (capacity in the required unit, ' +
  'normalised to the required period, ÷ required quantity, capped at 1), certifications 0.10 (share of preferred certificates held and valid), ' +
  'needs 0.15 (share of the firm’s diagnosed needs the support answers; 0.5 when none), trackRecord 0.10 (agreements completed vs terminated, ' +
  'confirmed coaching; 0.5 for newcomers). Ties break on id. Reasons in Indonesian or English by Accept-Language.';

@ApiTags('matching')
@Controller()
export class MatchingController {
  constructor(private readonly matching: MatchingService) {}

  @Get('opportunities/:id/matches')
  @Authenticated({ roles: [Role.PARTNER, Role.MINISTRY] })
  @ApiOperation({
    summary: 'Small firms ranked for an opportunity (owning partner, ministry)',
    description: `Hard filters: the firm classes MIKRO or KECIL; shares a KBLI division; lies inside regionCodes when given; holds every required certification valid today. ${SCORE_DOC}`,
  })
  @ApiHeader({ name: 'Accept-Language', required: false, description: 'id (default) or en' })
  @ApiOkResponse({ type: PageView(MatchItemView), description: 'Best first; ties by id' })
  @ApiNotFoundResponse({ description: 'No such opportunity, or another partner’s' })
  matches(
    @CurrentActor() actor: Actor,
    @IdParam('Opportunity') id: string,
    @Query() q: PageQuery,
    @Headers('accept-language') lang?: string,
  ): Promise<Page<MatchItem>> {
    return this.matching.matches(actor, id, q, localeFrom(lang));
  }

  @Get('enterprises/:id/recommendations')
  @Authenticated({ roles: [Role.ENTERPRISE, Role.MINISTRY] })
  @ApiOperation({
    summary: 'OPEN opportunities ranked for a small firm (its members, ministry)',
    description: `Same hard filters and score as the matches, seen from the firm. ${SCORE_DOC}`,
  })
  @ApiHeader({ name: 'Accept-Language', required: false, description: 'id (default) or en' })
  @ApiOkResponse({ type: PageView(RecommendationItemView), description: 'Best first; ties by id' })
  @ApiNotFoundResponse({ description: 'No such firm, or not yours' })
  recommendations(
    @CurrentActor() actor: Actor,
    @IdParam('Enterprise') id: string,
    @Query() q: PageQuery,
    @Headers('accept-language') lang?: string,
  ): Promise<Page<RecommendationItem>> {
    return this.matching.recommendations(actor, id, q, localeFrom(lang));
  }
}
