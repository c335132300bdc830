// Minifies the CSS inside lit's css`…` literals (esbuild's CSS minifier), for the shipped bundles and
// the size benchmark alike. Literals with ${…} interpolations are left as they are.
import { transform } from 'esbuild';

const CSS_LITERAL = /\bcss`([^`$\\]*)`/g;

export async function minifyCssLiterals(source) {
  const matches = [...source.matchAll(CSS_LITERAL)];
  if (matches.length === 0) return undefined;
  let out = source;
  for (const match of matches.reverse()) {
    const css = (await transform(match[1], { loader: 'css', minify: true, logLevel: 'silent' })).code.trim();
    out = `${out.slice(0, match.index)}css\`${css}\`${out.slice(match.index + match[0].length)}`;
  }
  return out;
}

/** esbuild plugin (size benchmark). */
export const esbuildMinifyCss = {
  name: 'minify-css-literals',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*styles?\.ts$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      return { contents: (await minifyCssLiterals(source)) ?? source, loader: 'ts' };
    });
  },
};

/** Vite/Rolldown plugin (library and IIFE builds). */
export function viteMinifyCss() {
  return {
    name: 'minify-css-literals',
    apply: 'build',
    async transform(code, id) {
      if (!/[\\/]src[\\/].*styles?\.ts$/.test(id)) return null;
      const out = await minifyCssLiterals(code);
      return out === undefined ? null : { code: out, map: null };
    },
  };
}
