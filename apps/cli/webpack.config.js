// Nest's default webpack build of the CLI, plus the `#!/usr/bin/env node` line that the package's
// "bin" needs (npm links dist/apps/cli/main.js onto the PATH as `claimdesk`; webpack would drop the
// shebang of main.ts). Wired in nest-cli.json: projects.cli.compilerOptions.webpackConfigPath.
module.exports = (options, webpack) => ({
  ...options,
  plugins: [...(options.plugins ?? []), new webpack.BannerPlugin({ banner: '#!/usr/bin/env node', raw: true, entryOnly: true })],
});
