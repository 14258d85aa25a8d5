import { HEAVY_TASKS, HeavyTaskMessage } from './heavy-tasks';

/**
 * The worker thread's entry (piscina calls `runHeavyTask` with each message). Built by webpack as
 * dist/apps/api/heavy-work.worker.js (apps/api/webpack.config.js); from TypeScript sources (jest,
 * ts-node) it is loaded through heavy-work.worker.dev.js.
 */
export function runHeavyTask({ task, input }: HeavyTaskMessage): unknown {
  const heavyTask = HEAVY_TASKS.get(task);
  if (!heavyTask) throw new Error(`unknown heavy task: ${task}`);
  return heavyTask.run(input as never);
}
