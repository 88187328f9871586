import { Body, Controller, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, Authenticated, CurrentActor, IdempotencyInterceptor, IdParam, Role } from '@jalin/core';
import { CommitmentsService } from './commitments.service.js';
import { CommitmentView } from './dto/agreement-view.dto.js';
import { ConfirmCommitmentDto, DisputeCommitmentDto } from './dto/commitment.dto.js';

const NOT_YOURS = 'No such commitment, or not owed to your firm';

@ApiTags('agreements')
@Controller('commitments')
export class CommitmentsController {
  constructor(private readonly commitments: CommitmentsService) {}

  @Post(':id/confirm')
  @Authenticated({ roles: [Role.ENTERPRISE] })
  @UseInterceptors(IdempotencyInterceptor)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'The small firm confirms the commitment was delivered as agreed (financing disbursed, inputs supplied, raw material at the agreed price, payment within paymentTermDays): PENDING | DISPUTED → CONFIRMED, final; fulfils its obligation',
  })
  @ApiOkResponse({ type: CommitmentView })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiConflictResponse({ description: 'Already CONFIRMED; the agreement is not ACTIVE; the commitment is not of the terms in force; or a stale version' })
  confirm(@CurrentActor() actor: Actor, @IdParam('Commitment') id: string, @Body() dto: ConfirmCommitmentDto): Promise<CommitmentView> {
    return this.commitments.confirm(actor, id, dto);
  }

  @Post(':id/dispute')
  @Authenticated({ roles: [Role.ENTERPRISE] })
  @UseInterceptors(IdempotencyInterceptor)
  @HttpCode(200)
  @ApiOperation({ summary: 'The small firm disputes the commitment’s delivery, with a reason and kind: PENDING → DISPUTED; the partner is notified, the ministry sees it on the agreement' })
  @ApiOkResponse({ type: CommitmentView })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiConflictResponse({ description: 'Already DISPUTED or CONFIRMED; the agreement is not ACTIVE; the commitment is not of the terms in force; or a stale version' })
  dispute(@CurrentActor() actor: Actor, @IdParam('Commitment') id: string, @Body() dto: DisputeCommitmentDto): Promise<CommitmentView> {
    return this.commitments.dispute(actor, id, dto);
  }
}
