import { Module } from '@nestjs/common';
import { CoreModule } from '@jalin/core';
import { WorkerRuntime } from './worker.runtime.js';

/** The worker process: no HTTP; the libraries' processors and job schedulers. */
@Module({
  imports: [CoreModule.forRoot({ http: false })],
  providers: [WorkerRuntime],
})
export class WorkerModule {}
