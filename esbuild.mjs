// Bundles the extension (and the Graph sandbox's command line) with esbuild.
//   node esbuild.mjs               development build, with source maps
//   node esbuild.mjs --production  minified, for the .vsix
//   node esbuild.mjs --watch       rebuild on change
import { writeFile } from 'node:fs/promises';
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
  // jsonc-parser's default (UMD) build requires its own modules at run time, which a bundle cannot
  // follow; its ES module build bundles.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

const builds = [
  { ...node, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], metafile: true },
  // The identity library, loaded only when a tenant signs in by device code or the Azure CLI.
  { ...node, entryPoints: ['src/auth/identityChunk.ts'], outfile: 'dist/identity.js' },
  // The Graph sandbox that "Open Sandbox Tenant" starts inside the extension host.
  { ...node, entryPoints: ['src/sandbox/server.ts'], outfile: 'dist/sandboxServer.js' },
  { ...node, entryPoints: ['src/sandbox/cli.ts'], outfile: 'dist/sandbox.js' },
  // The plan worker: reads, plans and writes big layouts off the extension host's thread.
  { ...node, entryPoints: ['src/layout/planWorker.ts'], outfile: 'dist/planWorker.js' },
  // The region form, the application inventory and the connector timeline run in webviews: browser
  // bundles with their web components (uPlot's style sheet comes out beside the timeline's script).
  ...['regionForm', 'inventory', 'timeline'].map((name) => ({
    ...node,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: [`src/webview/app/${name}App.ts`],
    outfile: `dist/webview/${name}.js`,
  })),
];

if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build(options)));
  // What the extension's bundle is made of, for `npm run bench`.
  await writeFile('dist/extension.meta.json', JSON.stringify(results[0].metafile));
}
