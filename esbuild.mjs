// Bundles the extension (and the Graph sandbox's command line) with esbuild.
//   node esbuild.mjs               development build, with source maps
//   node esbuild.mjs --production  minified, for the .vsix
//   node esbuild.mjs --watch       rebuild on change
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const quiet = process.argv.includes('--quiet');

/** @type {import('esbuild').BuildOptions} */
const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: quiet ? 'warning' : 'info',
};

const builds = [
  { ...node, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The identity library, loaded only when a tenant signs in by device code or the Azure CLI.
  { ...node, entryPoints: ['src/auth/identityChunk.ts'], outfile: 'dist/identity.js' },
  { ...node, entryPoints: ['src/sandbox/cli.ts'], outfile: 'dist/sandbox.js' },
  // The region form runs in the webview: a browser bundle with its web components.
  {
    ...node,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: ['src/webview/app/regionFormApp.ts'],
    outfile: 'dist/webview/regionForm.js',
  },
];

if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
