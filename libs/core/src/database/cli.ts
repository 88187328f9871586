import { DataSource } from 'typeorm';
import { loadEnv } from '../config/env.js';
import { dataSourceOptions } from './data-source.js';
import { revertLastMigration, runMigrations } from './migrate.js';

/** `node dist/libs/core/src/database/cli.js migrate|revert` */
async function main(): Promise<void> {
  const cmd = process.argv[2];
  const ds = new DataSource(dataSourceOptions(loadEnv()));
  await ds.initialize();
  try {
    if (cmd === 'migrate') {
      const applied = await runMigrations(ds);
      console.log(applied.length ? `Applied ${applied.length} migration(s).` : 'Database is up to date.');
    } else if (cmd === 'revert') {
      await revertLastMigration(ds);
      console.log('Reverted the last migration.');
    } else {
      console.error('usage: cli.js migrate|revert');
      process.exitCode = 2;
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
