import type { INestApplicationContext, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode, Role } from '@jalin/core';
import { AuthService, CreateStaffUserDto, RegisterDto } from '@jalin/identity';
import { ApplicationsService, ApplyDto, CreateOpportunityDto, OpportunitiesService } from '@jalin/opportunities';
import { buildDemoPopulation, DEMO_PASSWORD, demoMarkerEmail, type DemoRegistration, type DemoStaff } from './demo-data.js';
import { seedPartnerships } from './partnerships.js';
import { actorByEmail, describe, validDto } from './support.js';

export interface DemoAccount {
  role: string;
  email: string;
  password: string;
  organization?: string;
}

/** Arbitrary but fixed, distinct from the migration lock: two processes never seed at once. */
const SEED_LOCK_KEY = 7_140_203_2;
/** Enterprise accounts listed one by one in the summary; the rest are counted. */
const ENTERPRISES_LISTED = 5;

/**
 * Creates the demo population through the services (so every rule and validation applies): the
 * accounts (AuthService), an opportunity per partner with applications, then running partnerships
 * (partnerships.ts). Returns the accounts made.
 *
 * The demo's first partner is registered last, so its account means "the accounts are complete";
 * a run that was cut short is resumed by the next one (accounts whose e-mail exists are left
 * alone). Once it exists no account is made (returns []), but the later steps still run: each
 * skips a partner it has already dealt with (one with an opportunity; one with an agreement or an
 * accepted application), so a second run changes nothing and a run cut short in the partnerships,
 * or a database seeded before they existed, is completed. Failures throw.
 */
export async function seedDemo(app: INestApplicationContext, logger: Logger): Promise<DemoAccount[]> {
  const ds = app.get(DataSource);
  return withSeedLock(ds, async () => {
    const marker = demoMarkerEmail();
    if (await emailExists(ds, marker)) {
      const pop = buildDemoPopulation();
      const opportunities = await seedOpportunities(app, logger, pop.partners.map((p) => p.email), pop.applications);
      const partnerships = await seedPartnerships(app, logger);
      if (!opportunities && !partnerships) logger.log(`Demo data already present (${marker} exists); nothing to do.`);
      return [];
    }
    return runSeed(app, logger);
  });
}

/**
 * Seeds only when the organization table is empty (first start). Prints accounts via logger.
 * A failure is logged, not thrown, so the API still starts; the accounts made until then are returned.
 */
export async function seedDemoIfEmpty(app: INestApplicationContext, logger: Logger): Promise<DemoAccount[]> {
  const ds = app.get(DataSource);
  return withSeedLock(ds, async () => {
    const [row]: { exists: boolean }[] = await ds.query(`SELECT EXISTS (SELECT 1 FROM organization) AS "exists"`);
    if (row?.exists) return [];
    logger.log('The database has no organisations yet: creating the demo population (SEED_DEMO_ON_EMPTY=false turns this off).');
    const made: DemoAccount[] = [];
    try {
      await runSeed(app, logger, made);
    } catch (err) {
      logger.error(`Demo seed stopped after ${made.length} accounts: ${err instanceof Error ? err.message : String(err)}`);
      if (made.length) printAccounts(logger, made);
    }
    return made;
  });
}

async function runSeed(app: INestApplicationContext, logger: Logger, made: DemoAccount[] = []): Promise<DemoAccount[]> {
  const auth = app.get(AuthService);
  const ds = app.get(DataSource);
  const pop = buildDemoPopulation();
  const [marker, ...otherPartners] = pop.partners;
  const orgs = [...otherPartners, ...pop.enterprises];
  const total = orgs.length + 3;
  const started = Date.now();
  let done = 0;
  const progress = () => {
    done++;
    if (done % 10 === 0) logger.log(`Demo seed: ${done}/${total} accounts`);
  };

  // Sequential on purpose: argon2 hashing is CPU-heavy.
  for (const r of orgs) {
    if (await registerOne(auth, ds, logger, r, made)) progress();
  }
  for (const s of [pop.officer, pop.admin]) {
    if (await createStaffOne(auth, ds, logger, s, made)) progress();
  }
  if (marker && (await registerOne(auth, ds, logger, marker, made))) progress();
  await seedOpportunities(app, logger, pop.partners.map((p) => p.email), pop.applications);
  await seedPartnerships(app, logger);

  // Summary in the population's order: partners, small firms, officer, admin.
  const order = new Map([...pop.partners, ...pop.enterprises, pop.officer, pop.admin].map((a, i) => [a.email, i]));
  made.sort((a, b) => (order.get(a.email) ?? 0) - (order.get(b.email) ?? 0));
  logger.log(`Demo seed: ${made.length} accounts created in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  printAccounts(logger, made);
  return made;
}

async function registerOne(auth: AuthService, ds: DataSource, logger: Logger, r: DemoRegistration, made: DemoAccount[]): Promise<boolean> {
  const name = r.organization.name;
  if (await emailExists(ds, r.email)) {
    logger.warn(`Demo seed: ${r.email} exists already; ${name} left as it is.`);
    return false;
  }
  const dto = await validDto(RegisterDto, { email: r.email, password: DEMO_PASSWORD, fullName: r.fullName, locale: 'id', organization: r.organization }, name);
  try {
    await auth.register(dto);
  } catch (err) {
    throw new Error(`Demo seed: registering ${name} (${r.email}) failed: ${describe(err)}`, { cause: err });
  }
  made.push({ role: r.organization.kind === 'enterprise' ? Role.ENTERPRISE : Role.PARTNER, email: r.email, password: DEMO_PASSWORD, organization: name });
  return true;
}

async function createStaffOne(auth: AuthService, ds: DataSource, logger: Logger, s: DemoStaff, made: DemoAccount[]): Promise<boolean> {
  if (await emailExists(ds, s.email)) {
    logger.log(`Demo seed: ${s.email} exists already; not created again.`);
    return false;
  }
  const dto = await validDto(CreateStaffUserDto, { email: s.email, password: DEMO_PASSWORD, fullName: s.fullName, role: s.role, locale: 'id' }, s.email);
  try {
    await auth.createStaff(dto);
  } catch (err) {
    // Another process created it between the check and now: fine.
    if (err instanceof DomainError && err.code === ErrorCode.DUPLICATE) return false;
    throw new Error(`Demo seed: creating ${s.role} ${s.email} failed: ${describe(err)}`, { cause: err });
  }
  made.push({ role: s.role, email: s.email, password: DEMO_PASSWORD });
  return true;
}

async function emailExists(ds: DataSource, email: string): Promise<boolean> {
  const [row]: { exists: boolean }[] = await ds.query(`SELECT EXISTS (SELECT 1 FROM app_user WHERE lower(email) = lower($1)) AS "exists"`, [email]);
  return row?.exists === true;
}

/** Runs `fn` holding a session-level advisory lock on a dedicated connection. */
async function withSeedLock<T>(ds: DataSource, fn: () => Promise<T>): Promise<T> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [SEED_LOCK_KEY]);
    try {
      return await fn();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [SEED_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}

function printAccounts(logger: Logger, accounts: DemoAccount[]): void {
  if (!accounts.length) return;
  const width = Math.max(...accounts.map((a) => a.email.length));
  const line = (role: string, email: string, org = '') => logger.log(`  ${role.padEnd(11)} ${email.padEnd(width)}  ${org}`.trimEnd());
  const enterprises = accounts.filter((a) => a.role === Role.ENTERPRISE);
  logger.log(`Demo accounts — the password of every one is "${DEMO_PASSWORD}":`);
  line('ROLE', 'E-MAIL', 'ORGANISATION');
  for (const a of accounts.filter((x) => x.role === Role.PARTNER)) line(a.role, a.email, a.organization);
  for (const a of enterprises.slice(0, ENTERPRISES_LISTED)) line(a.role, a.email, a.organization);
  if (enterprises.length > ENTERPRISES_LISTED) {
    line(Role.ENTERPRISE, `… and ${enterprises.length - ENTERPRISES_LISTED} more small firms, each owner@<firm>.demo.jalin.id`);
  }
  for (const a of accounts.filter((x) => x.role === Role.MINISTRY)) line(a.role, a.email, 'Kemenperin (all provinces)');
  for (const a of accounts.filter((x) => x.role === Role.ADMIN)) line(a.role, a.email, 'platform administrator');
}

/**
 * One published opportunity per partner, in its own sector (the plantation runs an inti-plasma
 * scheme, the others subcontract), and applications from the firms the demo data names for it
 * (else two firms of the same division), so a person signing in finds something to match, apply to
 * and decide on. Returns how many opportunities it published (partners that have one are skipped).
 */
async function seedOpportunities(
  app: INestApplicationContext,
  logger: Logger,
  partnerEmails: string[],
  applicants: Map<string, string[]>,
): Promise<number> {
  const ds = app.get(DataSource);
  const opportunities = app.get(OpportunitiesService);
  const applications = app.get(ApplicationsService);
  const closesAt = new Date(Date.now() + 60 * 86_400_000).toISOString();
  let made = 0;
  for (const email of partnerEmails) {
    const actor = await actorByEmail(ds, email);
    if (!actor?.organizationId) continue;
    const [partner]: { name: string; kbli_codes: string[]; region_code: string }[] = await ds.query(
      `SELECT name, kbli_codes, region_code FROM organization WHERE id = $1`,
      [actor.organizationId],
    );
    const [existing]: { n: number }[] = await ds.query(`SELECT count(*)::int AS n FROM opportunity WHERE partner_id = $1`, [actor.organizationId]);
    if (!partner || existing.n > 0) continue;
    const division = partner.kbli_codes[0]?.slice(0, 2) ?? '10';
    const inti = ['01', '02', '03'].includes(division) || /perkebunan|kebun/i.test(partner.name);
    const food = ['10', '11'].includes(division);
    const dto = await validDto(
      CreateOpportunityDto,
      {
        pattern: inti ? 'INTI_PLASMA' : 'SUBCONTRACT',
        title: inti ? `Kemitraan plasma ${partner.name}` : `Mitra produksi untuk ${partner.name}`,
        description: inti
          ? 'Inti menyediakan lahan, sarana produksi dan bimbingan teknis; hasil panen plasma dibeli dengan harga yang disepakati.'
          : 'Kami mencari UMK yang sanggup mengerjakan sebagian produksi secara rutin, dengan bimbingan teknis dan pembayaran tepat waktu.',
        kbliCodes: partner.kbli_codes.slice(0, 2),
        supportOffered: inti ? ['LAND', 'PRODUCTION_INPUTS', 'TECHNICAL_GUIDANCE'] : ['PRODUCTION_WORK', 'TECHNICAL_GUIDANCE', 'FINANCING'],
        requiredCapacity: food ? { quantity: 500, unit: 'kg', period: 'MONTH' } : null,
        preferredCertifications: food ? ['HALAL'] : [],
        slots: 5,
        closesAt,
      },
      partner.name,
    );
    const o = await opportunities.create(actor, dto);
    await opportunities.publish(actor, o.id, {});
    made++;
    // The named firms apply, in order (the first one applies first); else two of the same division.
    const named = applicants.get(email);
    const firms: { email: string }[] = named?.length
      ? named.map((e) => ({ email: e }))
      : await ds.query(
          `SELECT u.email FROM organization f JOIN app_user u ON u.organization_id = f.id
            WHERE f.kind = 'enterprise' AND f.kbli_divisions && $1::text[] ORDER BY f.name LIMIT 2`,
          [[division]],
        );
    for (const f of firms) {
      const firm = await actorByEmail(ds, f.email);
      if (firm) await applications.apply(firm, o.id, await validDto(ApplyDto, { message: 'Kami tertarik dan siap memenuhi kebutuhan Bapak/Ibu.' }, f.email));
    }
  }
  if (made) logger.log(`Demo seed: ${made} opportunities published, with applications from firms of the same sector.`);
  return made;
}
