import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { stripeWidgetKitBackend } from './server/vite-plugin.js';
// @ts-expect-error: plain .mjs build helper
import { viteCollapseHtml } from './scripts/collapse-html-literals.mjs';
// @ts-expect-error: plain .mjs build helper
import { iifeOnDemand } from './scripts/iife-on-demand.mjs';
// @ts-expect-error: plain .mjs build helper
import { viteMinifyCss } from './scripts/minify-css-literals.mjs';

const root = import.meta.dirname;

/**
 * One ES entry per widget (`src/<tag>/define.ts`), plus the all-in-one entry, the schemas, the English
 * catalogs, the core (configure and the base class, registering nothing) and the React wrappers.
 */
function libraryEntries(): Record<string, string> {
  const entries: Record<string, string> = {
    index: resolve(root, 'src/index.ts'),
    schemas: resolve(root, 'src/schemas/index.ts'),
    messages: resolve(root, 'src/messages.ts'),
    core: resolve(root, 'src/core/index.ts'),
    react: resolve(root, 'src/react/index.ts'),
    // Loaded by <fc-link-account> only for a simulator session (a lazy chunk of npm builds; the IIFE
    // imports this file from beside itself).
    'simulated-stripe-js': resolve(root, 'src/fc-link-account/simulated-stripe-js.ts'),
  };
  for (const name of readdirSync(resolve(root, 'src'))) {
    const define = resolve(root, 'src', name, 'define.ts');
    if (existsSync(define)) entries[name] = define;
  }
  return entries;
}

/** The script-tag build's stand-ins (its on-demand files, scripts/iife-on-demand.mjs, are built with them too). */
const iifeAliases = [
  // Script tags load Stripe.js the way Stripe documents for them; see load-stripe-script.ts.
  { find: '@stripe/stripe-js/pure', replacement: resolve(root, 'src/fc-link-account/load-stripe-script.ts') },
  { find: './simulated-stripe-import.js', replacement: resolve(root, 'src/fc-link-account/simulated-stripe-import.iife.ts') },
  // One file: fc-link-account's account data, the event streams and settle.ts are imported, not loaded on demand (see the loaders).
  { find: /^\.\/account-data-loader\.js$/, replacement: resolve(root, 'src/fc-link-account/account-data-loader.iife.ts') },
  { find: /^\.\/event-streams-loader\.js$/, replacement: resolve(root, 'src/core/event-streams-loader.iife.ts') },
  { find: /^\.\/settle-loader\.js$/, replacement: resolve(root, 'src/core/settle-loader.iife.ts') },
  // No dev mode in the script-tag file, as in Lit's production build: dev.off.ts, contrast.off.ts.
  { find: /^\.\/(dev|contrast)\.js$/, replacement: resolve(root, 'src/core/$1.off.ts') },
];

/** Where the test kit reaches the widgets' configuration: the package's own core entry, not a copy of it. */
const CORE_ENTRY = resolve(root, 'src/core/index.ts');

/** MIT packages bundled into the test kit (not installed for users): their notices ride along in the chunk that holds them. */
const BUNDLED_IN_TESTING = ['eventsource', 'eventsource-parser'];

function bundledLicenses(): Plugin {
  const notice = (name: string) => {
    const dir = resolve(root, 'node_modules', name);
    const { version, license } = JSON.parse(readFileSync(resolve(dir, 'package.json'), 'utf8')) as { version: string; license: string };
    if (license !== 'MIT') throw new Error(`${name} is ${license}, not MIT: check before bundling it into the test kit`);
    return `${name}@${version} (${license})\n${readFileSync(resolve(dir, 'LICENSE'), 'utf8').trim()}`;
  };
  return {
    name: 'bundled-licenses',
    renderChunk(code, chunk) {
      const bundled = BUNDLED_IN_TESTING.filter((name) => chunk.moduleIds.some((id) => id.includes(`/node_modules/${name}/`)));
      if (bundled.length === 0) return null;
      return `/*! Bundled into stripe-widget-kit/testing:\n\n${bundled.map(notice).join('\n\n').replaceAll('*/', '* /')}\n*/\n${code}`;
    },
  };
}

/**
 * The test kit (`stripe-widget-kit/testing` and `/testing/arbitraries`), built on its own so that the
 * widgets' chunks stay exactly as without it. It imports the core as `stripe-widget-kit/core`, so its
 * `install()` configures the same module the widgets read; what else it uses (schemas, the simulator,
 * the simulated Stripe.js, and the `eventsource` client its event source is built on, so users who never
 * import the test kit do not install it) is stateless and bundled in.
 */
function testingBuild() {
  return {
    plugins: [
      bundledLicenses(),
      {
        name: 'testing-imports-the-package-core',
        enforce: 'pre' as const,
        resolveId(source: string, importer: string | undefined) {
          if (importer && resolve(dirname(importer), source).replace(/\.js$/, '.ts') === CORE_ENTRY) return { id: 'stripe-widget-kit/core', external: true };
          return null;
        },
      },
    ],
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      minify: false,
      lib: { entry: { testing: resolve(root, 'src/testing/index.ts'), 'testing-arbitraries': resolve(root, 'src/testing/arbitraries/index.ts') }, formats: ['es' as const] },
      rollupOptions: {
        external: [/^lit($|\/)/, /^@lit\//, /^zod($|\/)/, /^@stripe\/stripe-js($|\/)/, /^fast-check($|\/)/, /^stripe-widget-kit\//],
        output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/testing-[name]-[hash].js' },
      },
    },
  };
}

/**
 * `npm run demo:static`: demo/static.ts as one classic script (Chromium refuses module scripts from
 * file://), beside a copy of the demo page that loads it and the demo's stylesheet. Lazy chunks
 * (catalogs, the simulated Stripe.js) are inlined: a file:// page cannot load them either.
 */
function staticDemoBuild() {
  const page: Plugin = {
    name: 'static-demo-page',
    generateBundle() {
      const html = readFileSync(resolve(root, 'demo/index.html'), 'utf8').replace(
        /<script type="module" src="\.\/main\.ts"><\/script>/,
        '<script src="./demo.js" defer></script>',
      );
      if (!html.includes('./demo.js')) throw new Error('demo/index.html no longer loads ./main.ts as expected');
      this.emitFile({ type: 'asset', fileName: 'index.html', source: html });
      this.emitFile({ type: 'asset', fileName: 'demo.css', source: readFileSync(resolve(root, 'demo/demo.css'), 'utf8') });
    },
  };
  return {
    plugins: [viteMinifyCss(), page],
    // Only the backend's optional Node packages (stripe mode, Redis) read it; the page never does.
    define: { 'import.meta.url': 'undefined' },
    build: {
      outDir: resolve(root, 'dist/demo-static'),
      emptyOutDir: true,
      minify: true,
      lib: { entry: resolve(root, 'demo/static.ts'), formats: ['iife' as const], name: 'StripeWidgetKitDemo', fileName: () => 'demo.js' },
    },
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'testing') return testingBuild();
  if (mode === 'demo-static') return staticDemoBuild();
  if (mode === 'iife') {
    return {
      plugins: [viteMinifyCss(), viteCollapseHtml(), iifeOnDemand({ root, aliases: iifeAliases })],
      resolve: { alias: iifeAliases },
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        minify: true,
        lib: { entry: resolve(root, 'src/iife.ts'), formats: ['iife'], name: 'StripeWidgetKitBundle', fileName: () => 'stripe-widget-kit.iife.js' },
      },
    };
  }
  if (mode === 'lib') {
    return {
      plugins: [viteMinifyCss(), viteCollapseHtml()],
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        minify: false,
        lib: { entry: libraryEntries(), formats: ['es'] },
        rollupOptions: {
          // npm build: dependencies stay external so an app's bundler shares one copy of lit.
          external: [/^lit($|\/)/, /^@lit\//, /^zod($|\/)/, /^@stripe\/stripe-js($|\/)/, /^react($|\/)/],
          output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
          // The React entry's 'use client' (Next.js' App Router) stays at the top of dist/react.js;
          // e2e/build.test.ts checks it.
          onwarn(warning, warn) {
            if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
          },
        },
      },
    };
  }
  // `npm run demo`: the demo page with the reference backend mounted (simulator mode without keys).
  return {
    root: resolve(root, 'demo'),
    server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173), strictPort: false },
    preview: { host: '127.0.0.1' },
    plugins: [stripeWidgetKitBackend()],
    build: { outDir: resolve(root, 'dist/demo'), emptyOutDir: true },
  };
});
