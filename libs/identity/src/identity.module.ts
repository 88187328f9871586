import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '@jalin/organizations';
import { AdminUsersController, AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { RefreshToken, User } from './entities/user.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([User, RefreshToken]), JwtModule.register({}), OrganizationsModule],
  controllers: [AuthController, AdminUsersController],
  providers: [AuthService],
  exports: [AuthService],
})
export class IdentityModule {}
