import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { buildOpenApiDocument, configureApp, dataSourceOptions, EnvError, loadEnv, runMigrations } from '@jalin/core';
import { MatchCache } from '@jalin/matching';
import { importKbli, KbliImportError } from '@jalin/reference';
import { AppModule } from './app.module.js';
import { seedDemo } from './seed/demo.js';

const USAGE = `usage:
  node dist/apps/api/src/cli.js seed-demo            create the demo population (skipped if present)
  node dist/apps/api/src/cli.js import-kbli <file>   load a KBLI 2020 CSV (code,level,title,description)
  node dist/apps/api/src/cli.js match-cache          build every missing match cache now (what the worker does every few seconds)
  node dist/apps/api/src/cli.js openapi [file]       write the OpenAPI document (as served at /docs-json) to file or stdout; needs no database`;

async function main(): Promise<void> {
  const [cmd, arg] = process.argv.slice(2);
  if (cmd === 'import-kbli') {
    if (!arg) throw new Error(USAGE);
    const ds = new DataSource(dataSourceOptions(loadEnv()));
    await ds.initialize();
    try {
      await runMigrations(ds);
      const res = await importKbli(ds, arg);
      console.log(`Imported ${res.rows} KBLI entries (${Object.entries(res.byLevel).map(([l, n]) => `level ${l}: ${n}`).join(', ')}).`);
    } finally {
      await ds.destroy();
    }
    return;
  }
  if (cmd === 'match-cache') {
    const ds = new DataSource(dataSourceOptions(loadEnv()));
    await ds.initialize();
    try {
      await runMigrations(ds);
      const started = Date.now();
      const total = { refreshed: 0, rolled: 0, dropped: 0, built: 0 };
      for (;;) {
        const res = await new MatchCache(ds).sweep({ buildBudgetMs: 60_000 });
        if (!res.ran) throw new Error('Another process is maintaining the match cache; try again when it is done.');
        for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += res[k];
        if (!res.built) break;
      }
      console.log(`Match cache: ${total.built} built, ${total.dropped} dropped, ${total.rolled} rolled, ${total.refreshed} firm change(s) re-scored in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    } finally {
      await ds.destroy();
    }
    return;
  }
  if (cmd === 'openapi') {
    // Preview mode registers the routes without instantiating providers: no database, no Redis.
    const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), { preview: true, logger: false });
    try {
      await configureApp(app, { swaggerUi: false });
      const json = `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
      if (arg) writeFileSync(arg, json);
      else process.stdout.write(json);
    } finally {
      await app.close();
    }
    return;
  }
  if (cmd === 'seed-demo') {
    const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn', 'log'] });
    try {
      await runMigrations(app.get(DataSource));
      const accounts = await seedDemo(app, new Logger('Seed'));
      if (!accounts.length) console.log('Demo data is already present; nothing created.');
    } finally {
      await app.close();
    }
    return;
  }
  console.error(USAGE);
  process.exitCode = 2;
}

main().catch((err: unknown) => {
  if (err instanceof EnvError || err instanceof KbliImportError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
