/** A stream the CLI writes to: process.stdout/stderr in production, a collector in tests. */
export type Output = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

/** The world a command sees. `main.ts` passes the process's streams; tests pass their own. */
export interface CliIo {
  stdout: Output;
  stderr: Output;
  /** Read by `import -`; absent when there is no input to read. */
  stdin?: NodeJS.ReadableStream;
  /** Relative file arguments resolve against this (default: the process's working directory). */
  cwd?: string;
}

export type Env = Record<string, string | undefined>;
