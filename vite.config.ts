import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { stripeWidgetKitBackend } from './server/vite-plugin.js';
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

/**
 * The script-tag file is minified, so its only raw line breaks are inside template literals: lit's
 * html`…` (and already-minified css`…`). A break and the indentation after it render like one break
 * in HTML (the kit has no <pre>), so the indentation is dropped.
 */
function collapseTemplateWhitespace(): Plugin {
  return {
    name: 'collapse-template-whitespace',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) if (file.type === 'chunk') file.code = file.code.replace(/\n[ \t]+/g, '\n');
    },
  };
}

/** Where the test kit reaches the widgets' configuration: the package's own core entry, not a copy of it. */
const CORE_ENTRY = resolve(root, 'src/core/index.ts');

/**
 * The test kit (`stripe-widget-kit/testing` and `/testing/arbitraries`), built on its own so that the
 * widgets' chunks stay exactly as without it. It imports the core as `stripe-widget-kit/core`, so its
 * `install()` configures the same module the widgets read; what else it uses (schemas, the simulator,
 * the simulated Stripe.js) is stateless and bundled in.
 */
function testingBuild() {
  return {
    plugins: [
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
        external: [/^lit($|\/)/, /^@lit\//, /^zod($|\/)/, /^@stripe\/stripe-js($|\/)/, /^fast-check($|\/)/, /^eventsource($|\/)/, /^stripe-widget-kit\//],
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
      plugins: [viteMinifyCss(), collapseTemplateWhitespace()],
      resolve: {
        alias: [
          // Script tags load Stripe.js the way Stripe documents for them; see load-stripe-script.ts.
          { find: '@stripe/stripe-js/pure', replacement: resolve(root, 'src/fc-link-account/load-stripe-script.ts') },
          { find: './simulated-stripe-import.js', replacement: resolve(root, 'src/fc-link-account/simulated-stripe-import.iife.ts') },
          // One file: fc-link-account's account data is imported, not loaded on demand (see the loader).
          { find: /^\.\/account-data-loader\.js$/, replacement: resolve(root, 'src/fc-link-account/account-data-loader.iife.ts') },
          // No dev mode in the script-tag file, as in Lit's production build: dev.off.ts, contrast.off.ts.
          { find: /^\.\/(dev|contrast)\.js$/, replacement: resolve(root, 'src/core/$1.off.ts') },
        ],
      },
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
      plugins: [viteMinifyCss()],
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
