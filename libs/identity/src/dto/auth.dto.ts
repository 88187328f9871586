import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Role } from '@jalin/core';
import { RegisterOrganizationDto } from '@jalin/organizations';

const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class CredentialsDto {
  @ApiProperty({ example: 'pemilik@keripik-sumber.id' }) @Transform(lower) @IsEmail({}, { message: 'email must be an e-mail address' }) @MaxLength(254) email: string;
  @ApiProperty({ minLength: 10, example: 'rahasia-sekali-123' }) @IsString() @MinLength(10, { message: 'password must be at least 10 characters' }) @MaxLength(200) password: string;
}

export class RegisterDto extends CredentialsDto {
  @ApiProperty({ example: 'Siti Aminah' }) @IsString() @MinLength(2) @MaxLength(200) fullName: string;
  @ApiPropertyOptional({ enum: ['id', 'en'], default: 'id' }) @IsOptional() @IsIn(['id', 'en']) locale?: 'id' | 'en';
  @ApiProperty({ type: RegisterOrganizationDto }) @ValidateNested() @Type(() => RegisterOrganizationDto) organization: RegisterOrganizationDto;
}

export class LoginDto extends CredentialsDto {}

export class RefreshDto {
  @ApiProperty() @IsString() @MinLength(10) @MaxLength(500) refreshToken: string;
}

export class LogoutDto {
  @ApiPropertyOptional({ description: 'Revoke this token’s family; omitted = the family of the session the access token belongs to' })
  @IsOptional() @IsString() @MaxLength(500) refreshToken?: string;
}

export class CreateStaffUserDto extends CredentialsDto {
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(200) fullName: string;
  @ApiProperty({ enum: [Role.MINISTRY, Role.ADMIN] }) @IsIn([Role.MINISTRY, Role.ADMIN], { message: 'role must be MINISTRY or ADMIN' }) role: Role.MINISTRY | Role.ADMIN;
  @ApiPropertyOptional({ type: [String], example: ['33', '35'], description: 'Provinces a ministry officer watches; none = all' })
  @IsOptional() @IsArray() @ArrayMaxSize(38) @ArrayUnique() @Matches(/^\d{2}$/, { each: true, message: 'each province code must be 2 digits' }) provinceCodes?: string[];
  @ApiPropertyOptional({ enum: ['id', 'en'] }) @IsOptional() @IsIn(['id', 'en']) locale?: 'id' | 'en';
}
