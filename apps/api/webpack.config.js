// Nest's default webpack build of the API, plus a second entry: the worker thread's code
// (apps/api/src/heavy-work.worker.ts → dist/apps/api/heavy-work.worker.js, beside main.js, where
// worker-pool.ts looks for it). It is built as a CommonJS module so that piscina can call its
// exported runHeavyTask. Wired in nest-cli.json: projects.api.compilerOptions.webpackConfigPath.
const { dirname, join } = require('node:path');

module.exports = (options) => ({
  ...options,
  entry: {
    main: options.entry,
    'heavy-work.worker': { import: join(__dirname, 'src/heavy-work.worker.ts'), library: { type: 'commonjs2' } },
  },
  output: {
    ...options.output,
    filename: (pathData) => (pathData.chunk.name === 'main' ? options.output.filename : join(dirname(options.output.filename), `${pathData.chunk.name}.js`)),
  },
});
