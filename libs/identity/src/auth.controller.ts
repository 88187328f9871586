import { Body, Controller, Get, HttpCode, Post, Req, UseInterceptors } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { type Actor, Authenticated, CurrentActor, IdempotencyInterceptor, Public, Role } from '@jalin/core';
import { AuthService } from './auth.service.js';
import { CreateStaffUserDto, LoginDto, LogoutDto, RefreshDto, RegisterDto } from './dto/auth.dto.js';
import { MeView, RegisteredView, SignedInView, TokenPairView, UserView } from './dto/auth.views.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @Public()
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOperation({ summary: 'Register a small firm (enterprise) or a partner, with its first member; returns tokens' })
  @ApiCreatedResponse({ type: RegisteredView })
  @ApiConflictResponse({ description: 'E-mail or NIB already registered, or a size class the kind may not have (with the reason)' })
  register(@Body() dto: RegisterDto): Promise<RegisteredView> {
    return this.auth.register(dto);
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in; limited per IP and per e-mail' })
  @ApiOkResponse({ type: SignedInView })
  @ApiUnauthorizedResponse({ description: 'Wrong credentials (same answer for an unknown e-mail)' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts; see Retry-After' })
  login(@Body() dto: LoginDto, @Req() req: FastifyRequest): Promise<SignedInView> {
    return this.auth.login(dto, req.ip);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair; the old one is spent, and reusing a spent one revokes its family' })
  @ApiOkResponse({ type: TokenPairView })
  @ApiUnauthorizedResponse()
  refresh(@Body() dto: RefreshDto): Promise<TokenPairView> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @Authenticated()
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke the refresh-token family of this sign-in (or of the given refresh token)' })
  @ApiNoContentResponse()
  async logout(@CurrentActor() actor: Actor, @Body() dto: LogoutDto): Promise<void> {
    await this.auth.logout(actor, dto.refreshToken);
  }

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: 'The signed-in user and their organisation' })
  @ApiOkResponse({ type: MeView })
  me(@CurrentActor() actor: Actor): Promise<MeView> {
    return this.auth.me(actor);
  }
}

@ApiTags('admin')
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly auth: AuthService) {}

  @Post()
  @Authenticated({ roles: [Role.ADMIN] })
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOperation({ summary: 'Create a MINISTRY officer (optionally limited to provinces) or an ADMIN' })
  @ApiCreatedResponse({ type: UserView })
  @ApiConflictResponse({ description: 'E-mail already registered' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateStaffUserDto): Promise<UserView> {
    return this.auth.createStaff(dto, actor);
  }
}
