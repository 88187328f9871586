import { DataSource } from 'typeorm';
import { dataSourceOptions, resetEnvCache, runMigrations, validateEnv } from '../../libs/core/src/index.js';
import { adminQuery, dbUrl, templateName } from './db.js';

/**
 * Migrates once into a template database that every suite clones (CREATE DATABASE … TEMPLATE).
 * The template is keyed by the migrations' content, so unchanged migrations are not re-run.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.JEST_UNIT_ONLY) return;
  const root = process.cwd();
  const tpl = templateName(root);
  process.env.JALIN_TEST_TEMPLATE = tpl;
  const exists = await adminQuery(`SELECT 1 FROM pg_database WHERE datname = $1`, [tpl]);
  if (exists.length) return;
  // Old templates and databases of crashed runs go.
  const stale = await adminQuery<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'jalin\\_tpl\\_%' OR datname LIKE 'jalin\\_t\\_%'`);
  for (const { datname } of stale) {
    await adminQuery(`UPDATE pg_database SET datistemplate = false WHERE datname = $1`, [datname]);
    await adminQuery(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
  const building = `${tpl}_building`;
  await adminQuery(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE "${building}"`);
  const env = validateEnv({ ...process.env, DATABASE_URL: dbUrl(building) });
  const ds = new DataSource({ ...dataSourceOptions(env), logging: false });
  await ds.initialize();
  try {
    await runMigrations(ds);
  } finally {
    await ds.destroy();
  }
  await adminQuery(`ALTER DATABASE "${building}" RENAME TO "${tpl}"`);
  await adminQuery(`UPDATE pg_database SET datistemplate = true WHERE datname = $1`, [tpl]);
  resetEnvCache();
}
