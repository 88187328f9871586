import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Arbitrary but fixed: the advisory lock every Jalin process takes before migrating. */
const MIGRATION_LOCK_KEY = 7_140_203_1;

/**
 * Applies pending migrations under a PostgreSQL advisory lock, so an API and a worker
 * starting together never race. Returns the names of the migrations applied.
 */
export async function runMigrations(ds: DataSource, logger = new Logger('Migrations')): Promise<string[]> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await ds.runMigrations({ transaction: 'each' });
      for (const m of applied) logger.log(`applied ${m.name}`);
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}

export async function revertLastMigration(ds: DataSource): Promise<void> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await ds.undoLastMigration({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
