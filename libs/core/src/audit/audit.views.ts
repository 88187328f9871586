import { ApiProperty } from '@nestjs/swagger';

export class AuditRecordView {
  @ApiProperty({ description: 'Position in the chain (a bigint, as a string)' }) id: string;
  @ApiProperty({ type: String, format: 'date-time' }) at: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for the system (worker, bootstrap)' }) actorUserId: string | null;
  @ApiProperty({ example: 'PARTNER', description: 'The caller’s role, or SYSTEM' }) actorRole: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The organisation the record concerns' }) organizationId: string | null;
  @ApiProperty({ example: 'agreement.sign' }) action: string;
  @ApiProperty({ example: 'agreement' }) entityType: string;
  @ApiProperty() entityId: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Changed fields: `{ field: { before, after } }`' }) diff: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty({ description: 'sha256(previous hash ‖ canonical record), hex' }) hash: string;
}

export class AuditVerifyView {
  @ApiProperty({ description: 'Every link and hash holds' }) valid: boolean;
  @ApiProperty({ description: 'Records walked' }) checked: number;
  @ApiProperty({ type: String, nullable: true, description: 'The first record whose link or hash does not hold' }) firstBrokenId: string | null;
}
