import 'reflect-metadata';
import type { DataSourceOptions } from 'typeorm';
import { Env, loadEnv } from '../config/env.js';
import { MIGRATIONS } from './migrations/index.js';
import { SnakeNamingStrategy } from './naming.js';

/**
 * The one DataSource options object, shared by Nest (TypeOrmModule) and the migration CLI.
 * Migrations only: `synchronize` is never on. Entities are registered by each feature module
 * (autoLoadEntities), so the core library needs to know none of them.
 */
export function dataSourceOptions(env: Env = loadEnv(), url = env.DATABASE_URL): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    extra: { max: env.DATABASE_POOL_SIZE, connectionTimeoutMillis: 5000, application_name: 'jalin' },
    logging: ['error'],
  };
}

