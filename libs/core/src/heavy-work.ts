import { DynamicModule, Global, Injectable, Module, Type } from '@nestjs/common';

/**
 * CPU-heavy work on user text (API.md Hardening, "Bad input"): re-anchoring a revision, Markdown/HTML
 * ingest of large content, PDF rendering. A task is a pure function of plain data, so it can run on
 * this thread or be posted to a worker thread (its input and output are structured-cloned). Tasks
 * are listed by name in the worker's entry (apps/api/src/heavy-work.worker.ts).
 */
export interface HeavyTask<I, O> {
  readonly name: string;
  run(input: I): O | Promise<O>;
  /** The input's size in characters: below HEAVY_WORK_INLINE_SIZE it is not worth a worker. */
  size(input: I): number;
}

/**
 * Below this many characters a task runs inline: posting it to a worker (copying the input, waking
 * the thread) would cost more than the work, and hot paths (a small article) stay fast.
 */
export const HEAVY_WORK_INLINE_SIZE = 32 * 1024;

/** Runs heavy tasks; the API uses a worker pool (WorkerPool), the CLI and unit tests run them inline. */
export abstract class HeavyWork {
  abstract run<I, O>(task: HeavyTask<I, O>, input: I): Promise<O>;
}

/** Runs every task on the calling thread: for one-shot processes with no other requests to keep answering. */
@Injectable()
export class InlineWork extends HeavyWork {
  run<I, O>(task: HeavyTask<I, O>, input: I): Promise<O> {
    return Promise.resolve().then(() => task.run(input));
  }
}

@Global()
@Module({})
export class HeavyWorkModule {
  /** `implementation` runs the tasks; without one they run inline. */
  static forRoot(implementation: Type<HeavyWork> = InlineWork): DynamicModule {
    return { module: HeavyWorkModule, providers: [{ provide: HeavyWork, useClass: implementation }], exports: [HeavyWork] };
  }
}
