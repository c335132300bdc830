// The script-tag build's on-demand parts. npm builds split what only some pages need into chunks
// (`import('./x.js')`); an IIFE cannot split, so Rolldown would inline them all. This plugin builds each
// group below into an ES file of its own beside stripe-widget-kit.iife.js and turns the IIFE's
// `import('./x.js')` of a member into `importBeside(file)` (src/core/import-beside.ts), which loads the
// file from beside the script tag's URL the first time a page needs it.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Each sibling file and the source modules it carries (every module under src/ whose path matches). */
const GROUPS = [
  // The Japanese catalogs, together: a Japanese page fetches one file, an English page none.
  { file: 'stripe-widget-kit.ja.js', members: /[\\/.]messages\.ja\.ts$/ },
  // The Appearance mapping, for pages that give a widget an `appearance`.
  { file: 'stripe-widget-kit.appearance.js', members: /[\\/]core[\\/]appearance-sheet\.ts$/ },
  // The overlay of the site's own catalogs, for pages that configure `messages`.
  { file: 'stripe-widget-kit.languages.js', members: /[\\/]core[\\/]site-messages\.ts$/ },
  // <climate-order-form>'s quantity reading and estimate, from its first use.
  { file: 'stripe-widget-kit.ordering.js', members: /[\\/]climate-order-form[\\/]ordering\.ts$/ },
  // <fc-link-account>'s loader of Stripe.js (the IIFE's @stripe/stripe-js/pure), when a user is about to link.
  { file: 'stripe-widget-kit.stripe-loader.js', members: /[\\/]fc-link-account[\\/]load-stripe-script\.ts$/ },
];

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** esbuild resolves the same aliases as the IIFE (contrast.off.ts and dev.off.ts: no dev mode). */
function aliasPlugin(aliases) {
  return {
    name: 'iife-aliases',
    setup(builder) {
      builder.onResolve({ filter: /^\./ }, (args) => {
        for (const { find, replacement } of aliases) {
          const hit = typeof find === 'string' ? args.path === find : find.test(args.path);
          if (hit) return { path: typeof find === 'string' ? replacement : args.path.replace(find, replacement) };
        }
        return undefined;
      });
    },
  };
}

/**
 * @param {{ root: string, aliases: { find: string | RegExp, replacement: string }[] }} options
 */
export function iifeOnDemand({ root, aliases }) {
  const src = resolve(root, 'src');
  const helper = resolve(src, 'core/import-beside.ts');
  const all = sourceFiles(src).sort();
  // A member's export name in its file: `m0`, `m1`… in path order, the same on both sides.
  const groups = GROUPS.map((group) => ({ ...group, members: all.filter((path) => group.members.test(path)) }));
  const groupOf = (id) => groups.find((group) => group.members.includes(id));
  const CALL = /\bimport\(\s*(['"])([^'"]+)\1\s*\)/g;

  return {
    name: 'iife-on-demand',
    apply: 'build',
    async transform(code, id) {
      if (!id.startsWith(src) || !code.includes('import(')) return null;
      let out = code;
      for (const match of [...code.matchAll(CALL)].reverse()) {
        const target = (await this.resolve(match[2], id))?.id;
        const group = target && groupOf(target);
        if (!group) continue;
        const call = `__swkImportBeside(${JSON.stringify(group.file)}).then((m) => m.m${group.members.indexOf(target)})`;
        out = out.slice(0, match.index) + call + out.slice(match.index + match[0].length);
      }
      if (out === code) return null;
      return { code: `import { importBeside as __swkImportBeside } from ${JSON.stringify(helper)};\n${out}`, map: null };
    },
    async generateBundle() {
      const inlined = [...this.getModuleIds()].filter(groupOf);
      if (inlined.length) this.error(`On-demand modules were inlined into the IIFE (import them with a plain import('./x.js')): ${inlined.join(', ')}`);
      for (const group of groups) {
        const entry = [
          ...group.members.map((path, index) => `export * as m${index} from ${JSON.stringify(path)};`),
          `export { version } from ${JSON.stringify(resolve(src, 'core/version.ts'))};`,
        ].join('\n');
        const result = await build({
          stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: group.file },
          bundle: true,
          format: 'esm',
          minify: true,
          write: false,
          target: 'es2022',
          charset: 'utf8',
          legalComments: 'none',
          logLevel: 'silent',
          plugins: [aliasPlugin(aliases)],
        });
        this.emitFile({ type: 'asset', fileName: group.file, source: result.outputFiles[0].text });
      }
    },
  };
}
