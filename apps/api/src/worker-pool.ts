import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import Piscina from 'piscina';
import { HEAVY_WORK_INLINE_SIZE, HeavyTask, HeavyWork } from '@claimdesk/core';
import type { HeavyTaskMessage } from './heavy-tasks';

/**
 * The worker file: next to main.js in the build (webpack emits it there), else the TypeScript
 * bootstrap beside this source file (jest, ts-node).
 */
export function heavyWorkerFile(directory = __dirname): string {
  const built = join(directory, 'heavy-work.worker.js');
  return existsSync(built) ? built : join(directory, 'heavy-work.worker.dev.js');
}

/**
 * Heavy tasks in worker threads (piscina), so the event loop keeps answering other requests while a
 * revision is re-anchored or a PDF is drawn. Small inputs run inline (HEAVY_WORK_INLINE_SIZE). One
 * core is left to the event loop; the threads start on first use and stop with the app.
 */
@Injectable()
export class WorkerPool extends HeavyWork implements OnModuleDestroy {
  private pool: Piscina | undefined;

  run<I, O>(task: HeavyTask<I, O>, input: I): Promise<O> {
    if (task.size(input) < HEAVY_WORK_INLINE_SIZE) return Promise.resolve().then(() => task.run(input));
    const message: HeavyTaskMessage = { task: task.name, input };
    return this.threads().run(message, { name: 'runHeavyTask' }) as Promise<O>;
  }

  async onModuleDestroy(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.destroy();
  }

  private threads(): Piscina {
    this.pool ??= new Piscina({
      filename: heavyWorkerFile(),
      minThreads: 0,
      maxThreads: Math.max(1, availableParallelism() - 1),
      idleTimeout: 60_000,
    });
    return this.pool;
  }
}
