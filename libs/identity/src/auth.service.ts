import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { type AccessClaims, type Actor, AuditService, DomainError, ErrorCode, invalid, JWT_ALGORITHM, loadEnv, notFound, RateLimiter, Role } from '@jalin/core';
import { OrganizationsService, type OrganizationView, toOrganizationView } from '@jalin/organizations';
import type { TokenPairView as TokenPair, UserView } from './dto/auth.views.js';
import { CreateStaffUserDto, LoginDto, RegisterDto } from './dto/auth.dto.js';
import { RefreshToken, User } from './entities/user.entity.js';
import { hashPassword, verifyPassword } from './password.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const unauthenticated = (msg: string) => new DomainError(ErrorCode.UNAUTHENTICATED, msg);

const actorOf = (u: User): Actor => ({
  userId: u.id, email: u.email, role: u.role, organizationId: u.organizationId, provinceCodes: u.provinceCodes, locale: u.locale,
});

export function toUserView(u: User): UserView {
  return { id: u.id, email: u.email, fullName: u.fullName, role: u.role, organizationId: u.organizationId, provinceCodes: u.provinceCodes, locale: u.locale };
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  private readonly env = loadEnv();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly jwt: JwtService,
    private readonly orgs: OrganizationsService,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditService,
  ) {}

  /** Creates the organisation and its first member, and signs them in. One transaction. */
  async register(dto: RegisterDto): Promise<{ user: UserView; organization: OrganizationView } & TokenPair> {
    const passwordHash = await hashPassword(dto.password);
    return this.ds.transaction(async (m) => {
      await this.assertEmailFree(m, dto.email);
      const org = await this.orgs.create(m, dto.organization);
      const user = await m.save(User, m.create(User, {
        email: dto.email,
        passwordHash,
        fullName: dto.fullName.trim(),
        role: org.kind === 'enterprise' ? Role.ENTERPRISE : Role.PARTNER,
        organizationId: org.id,
        provinceCodes: [],
        locale: dto.locale ?? 'id',
      }));
      const tokens = await this.issue(m, user, randomUUID());
      const organization = toOrganizationView(org, true);
      await this.audit.record(m, {
        action: 'auth.register', entityType: 'organization', entityId: org.id, actor: actorOf(user), organizationId: org.id,
        after: { ...organization, member: toUserView(user) },
      });
      return { user: toUserView(user), organization, ...tokens };
    });
  }

  /**
   * Same 401 for an unknown e-mail and a wrong password. Failed attempts count per e-mail and all
   * attempts per IP, in Redis so the limit holds across API processes; over the limit → 429.
   */
  async login(dto: LoginDto, ip: string): Promise<{ user: UserView } & TokenPair> {
    const env = this.env;
    const window = env.LOGIN_LIMIT_WINDOW_SECONDS;
    const byIp = await this.limiter.hit(`login:ip:${ip}`, env.LOGIN_LIMIT_PER_IP, window);
    if (!byIp.allowed) throw this.tooMany(byIp.retryAfterSeconds);
    const byEmail = await this.limiter.peek(`login:email:${dto.email}`, env.LOGIN_LIMIT_PER_EMAIL);
    if (!byEmail.allowed) throw this.tooMany(byEmail.retryAfterSeconds);

    const user = await this.ds.getRepository(User).createQueryBuilder('u').addSelect('u.passwordHash')
      .where('lower(u.email) = :e', { e: dto.email }).getOne();
    const ok = await verifyPassword(user?.passwordHash ?? null, dto.password);
    if (!user || !ok) {
      const after = await this.limiter.hit(`login:email:${dto.email}`, env.LOGIN_LIMIT_PER_EMAIL, window);
      if (!after.allowed) throw this.tooMany(after.retryAfterSeconds);
      throw unauthenticated('E-mail or password is wrong');
    }
    await this.limiter.reset(`login:email:${dto.email}`);
    const tokens = await this.ds.transaction(async (m) => {
      const t = await this.issue(m, user, randomUUID());
      await this.audit.record(m, { action: 'auth.login', entityType: 'user', entityId: user.id, actor: actorOf(user), after: { ip } });
      return t;
    });
    return { user: toUserView(user), ...tokens };
  }

  /** Rotation: the presented token is spent; presenting a spent one revokes its whole family. */
  async refresh(presented: string): Promise<TokenPair> {
    const [id, secret] = presented.split('.');
    if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id)) throw unauthenticated('Refresh token is invalid');
    const outcome = await this.ds.transaction(async (m) => {
      const tok = await m.findOne(RefreshToken, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!tok || !safeEqual(tok.tokenHash, sha256(secret))) return { error: 'Refresh token is invalid' } as const;
      if (tok.revokedAt) return { error: 'Refresh token was revoked' } as const;
      if (tok.usedAt) {
        await this.revokeFamily(m, tok.familyId);
        // A security event worth its record even though the request fails.
        await this.audit.record(m, { action: 'auth.refresh-reuse-revoked', entityType: 'user', entityId: tok.userId, actor: null, after: { familyId: tok.familyId } });
        this.logger.warn(`refresh token reuse detected; family ${tok.familyId} revoked`);
        return { error: 'Refresh token was already used; every session of this sign-in has been revoked' } as const;
      }
      if (tok.expiresAt.getTime() <= Date.now()) return { error: 'Refresh token has expired' } as const;
      await m.update(RefreshToken, { id: tok.id }, { usedAt: new Date() });
      const user = await m.findOne(User, { where: { id: tok.userId } });
      if (!user) return { error: 'Refresh token is invalid' } as const;
      const tokens = await this.issue(m, user, tok.familyId);
      await this.audit.record(m, { action: 'auth.refresh', entityType: 'user', entityId: user.id, actor: actorOf(user), after: { familyId: tok.familyId } });
      return { tokens } as const;
    });
    // The family revocation above must commit even though the request fails.
    if ('error' in outcome) throw unauthenticated(outcome.error!);
    return outcome.tokens;
  }

  async logout(actor: Actor, refreshToken?: string): Promise<void> {
    let family = actor.sessionId;
    if (refreshToken) {
      const [id, secret] = refreshToken.split('.');
      const tok = id && /^[0-9a-f-]{36}$/.test(id) ? await this.ds.getRepository(RefreshToken).findOne({ where: { id, userId: actor.userId } }) : null;
      if (!tok || !secret || !safeEqual(tok.tokenHash, sha256(secret))) throw invalid([{ field: 'refreshToken', message: 'is not a refresh token of yours' }]);
      family = tok.familyId;
    }
    await this.ds.transaction(async (m) => {
      if (family) await this.revokeFamily(m, family, actor.userId);
      await this.audit.record(m, { action: 'auth.logout', entityType: 'user', entityId: actor.userId, actor, after: { familyId: family ?? null } });
    });
  }

  async me(actor: Actor): Promise<{ user: UserView; organization: OrganizationView | null }> {
    const user = await this.ds.getRepository(User).findOne({ where: { id: actor.userId } });
    if (!user) throw unauthenticated('The account no longer exists');
    const org = user.organizationId ? await this.orgs.findById(user.organizationId) : null;
    return { user: toUserView(user), organization: org ? toOrganizationView(org, true) : null };
  }

  async createStaff(dto: CreateStaffUserDto, actor: Actor | null = null): Promise<UserView> {
    const provinces = dto.role === Role.MINISTRY ? (dto.provinceCodes ?? []) : [];
    if (dto.role === Role.ADMIN && dto.provinceCodes?.length) {
      throw invalid([{ field: 'provinceCodes', message: 'applies to MINISTRY officers only' }]);
    }
    if (provinces.length) {
      const known: { code: string }[] = await this.ds.query(`SELECT code FROM region WHERE level = 'province' AND code = ANY($1)`, [provinces]);
      const missing = provinces.filter((p) => !known.some((k) => k.code === p));
      if (missing.length) throw invalid(missing.map((p) => ({ field: 'provinceCodes', message: `${p} is not a province code` })));
    }
    const passwordHash = await hashPassword(dto.password);
    return this.ds.transaction(async (m) => {
      await this.assertEmailFree(m, dto.email);
      const user = await m.save(User, m.create(User, {
        email: dto.email, passwordHash, fullName: dto.fullName.trim(), role: dto.role, organizationId: null, provinceCodes: provinces, locale: dto.locale ?? 'id',
      }));
      await this.audit.record(m, { action: 'user.create', entityType: 'user', entityId: user.id, actor, organizationId: null, after: toUserView(user) });
      return toUserView(user);
    });
  }

  /** The first admin, from ADMIN_EMAIL / ADMIN_PASSWORD, created once when absent. */
  async ensureFirstAdmin(): Promise<boolean> {
    const { ADMIN_EMAIL, ADMIN_PASSWORD } = this.env;
    if (!ADMIN_EMAIL || !ADMIN_PASSWORD) return false;
    const email = ADMIN_EMAIL.trim().toLowerCase();
    if (await this.ds.getRepository(User).createQueryBuilder('u').where('lower(u.email) = :e', { e: email }).getExists()) return false;
    await this.createStaff({ email, password: ADMIN_PASSWORD, fullName: 'Administrator', role: Role.ADMIN }).catch((err: unknown) => {
      if (!(err instanceof DomainError && err.code === ErrorCode.DUPLICATE)) throw err;
    });
    this.logger.log(`first admin ${email} created`);
    return true;
  }

  async findUser(id: string): Promise<UserView> {
    const u = await this.ds.getRepository(User).findOne({ where: { id } });
    if (!u) throw notFound('User');
    return toUserView(u);
  }

  private async assertEmailFree(m: EntityManager, email: string): Promise<void> {
    const taken = await m.getRepository(User).createQueryBuilder('u').where('lower(u.email) = :e', { e: email.toLowerCase() }).getExists();
    if (taken) {
      throw new DomainError(ErrorCode.DUPLICATE, `An account with e-mail ${email} already exists`, { errors: [{ field: 'email', message: 'is already registered' }] });
    }
  }

  private async issue(m: EntityManager, user: User, familyId: string): Promise<TokenPair> {
    const env = this.env;
    const claims: AccessClaims & { typ: 'access'; sid: string } = {
      sub: user.id, email: user.email, role: user.role, org: user.organizationId, prov: user.provinceCodes, loc: user.locale, typ: 'access', sid: familyId,
    };
    const accessToken = await this.jwt.signAsync(claims, {
      algorithm: JWT_ALGORITHM, issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE, expiresIn: env.JWT_ACCESS_TTL_SECONDS, secret: env.JWT_SECRET,
    });
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    await m.insert(RefreshToken, {
      id, userId: user.id, familyId, tokenHash: sha256(secret), expiresAt: new Date(Date.now() + env.JWT_REFRESH_TTL_SECONDS * 1000), usedAt: null, revokedAt: null,
    });
    return { accessToken, refreshToken: `${id}.${secret}`, tokenType: 'Bearer', expiresIn: env.JWT_ACCESS_TTL_SECONDS };
  }

  private async revokeFamily(m: EntityManager, familyId: string, userId?: string): Promise<void> {
    await m.query(
      `UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL ${userId ? 'AND user_id = $2' : ''}`,
      userId ? [familyId, userId] : [familyId],
    );
  }

  private tooMany(retryAfter: number): DomainError {
    return new DomainError(ErrorCode.RATE_LIMITED, `Too many sign-in attempts; try again in ${retryAfter} seconds`, {
      headers: { 'Retry-After': String(retryAfter) },
      retryAfter,
    });
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
