import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, Matches, ValidateNested } from 'class-validator';
import { PageQuery } from '@jalin/core';

/** `?unread=true|false`: query strings are text, so only the two literal words are accepted. */
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class NotificationListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only notifications the caller has not read yet' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;
}

export class NotificationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'APPLICATION_SUBMITTED', description: 'Stable code of what happened' }) kind: string;
  @ApiProperty({ example: 'Lamaran baru untuk “Pemasok keripik singkong”' }) title: string;
  @ApiProperty() body: string;
  @ApiProperty({ nullable: true, type: String, example: 'application' }) entityType: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) entityId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When the caller read it; null while unread' })
  readAt: Date | null;
}

export class NotificationPreferenceItem {
  @ApiProperty({ example: 'APPLICATION_SUBMITTED', description: 'A notification kind' })
  @Matches(/^[A-Z][A-Z0-9_]{1,63}$/, { message: 'kind must be a notification kind such as APPLICATION_SUBMITTED' })
  kind: string;

  @ApiProperty({ description: 'Whether notifications of this kind are also e-mailed (default true)' })
  @IsBoolean()
  email: boolean;
}

export class NotificationPreferences {
  @ApiProperty({ type: [NotificationPreferenceItem], description: 'Kinds not listed are e-mailed' })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => NotificationPreferenceItem)
  items: NotificationPreferenceItem[];
}
