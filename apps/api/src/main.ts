import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { EnvError, loadEnv } from '@jalin/core';
import { createApi } from './bootstrap.js';
import { mountQueueDashboard } from './queue-dashboard.js';

async function main(): Promise<void> {
  const env = loadEnv();
  const app = await createApi({ migrate: true, bootstrapData: true, swaggerUi: true, extend: mountQueueDashboard });
  await app.listen({ port: env.PORT, host: '0.0.0.0' });
  new Logger('Api').log(`Jalin API listening on http://localhost:${env.PORT} (docs at /docs, queues at /admin/queues)`);
}

main().catch((err: unknown) => {
  if (err instanceof EnvError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
