import { ApiProperty } from '@nestjs/swagger';
import { Role } from '@jalin/core';
import { OrganizationView } from '@jalin/organizations';

export class UserView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: Role }) role: Role;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for ministry officers and admins' }) organizationId: string | null;
  @ApiProperty({ type: [String], description: 'A ministry officer limited to these provinces; empty = nationwide' }) provinceCodes: string[];
  @ApiProperty({ enum: ['id', 'en'] }) locale: 'id' | 'en';
}

export class TokenPairView {
  @ApiProperty({ description: 'JWT (HS256), sent as `Authorization: Bearer …`' }) accessToken: string;
  @ApiProperty({ description: 'Single use: each refresh returns a new one; reusing a spent one revokes the sign-in' }) refreshToken: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn: number;
}

export class SignedInView extends TokenPairView {
  @ApiProperty({ type: UserView }) user: UserView;
}

export class RegisteredView extends SignedInView {
  @ApiProperty({ type: OrganizationView }) organization: OrganizationView;
}

export class MeView {
  @ApiProperty({ type: UserView }) user: UserView;
  @ApiProperty({ type: OrganizationView, nullable: true }) organization: OrganizationView | null;
}
