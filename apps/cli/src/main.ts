#!/usr/bin/env node
import 'reflect-metadata';
import { runCli } from './run-cli';

// `claimdesk export … -o - | head` closes the pipe early: that is not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }, process.env)
  .then((code) => {
    // Exit once stdout is flushed, even if a connection pool or stdin would keep the process alive.
    process.stdout.write('', () => process.exit(code));
  })
  .catch((error: Error) => {
    process.stderr.write(`claimdesk: ${error.stack ?? String(error)}\n`);
    process.exit(1);
  });
