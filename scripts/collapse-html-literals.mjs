// Drops the indentation after each line break in the static parts of lit's html`…` literals, for the
// shipped bundles and the size benchmark alike. A line break and the indentation after it render like
// the line break alone (the kit has no <pre> or <textarea> whose text they would change), so what a
// page shows stays the same; what it downloads does not carry the source's indentation.
import { parseAst } from 'vite';

/** The source with its html`…` literals collapsed, or undefined when it has none. */
export function collapseHtmlLiterals(source, lang = 'ts') {
  if (!source.includes('html`')) return undefined;
  const spans = [];
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && node.tag.name === 'html') {
      for (const quasi of node.quasi.quasis) spans.push([quasi.start, quasi.end]);
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object' && typeof value.type === 'string') visit(value);
    }
  };
  visit(parseAst(source, { lang }));
  if (spans.length === 0) return undefined;
  let out = '';
  let last = 0;
  for (const [start, end] of spans.sort((a, b) => a[0] - b[0])) {
    out += source.slice(last, start) + source.slice(start, end).replace(/\n[ \t]+/g, '\n');
    last = end;
  }
  return out + source.slice(last);
}

const SOURCE = /[\\/]src[\\/].*\.ts$/;

/** esbuild plugin (size benchmark); runs after minify-css-literals' plugin, which takes the styles files. */
export const esbuildCollapseHtml = {
  name: 'collapse-html-literals',
  setup(build) {
    build.onLoad({ filter: SOURCE }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      const out = collapseHtmlLiterals(source);
      return out === undefined ? undefined : { contents: out, loader: 'ts' };
    });
  },
};

/** Vite/Rolldown plugin (library and IIFE builds): before the TypeScript transform, on the source. */
export function viteCollapseHtml() {
  return {
    name: 'collapse-html-literals',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!SOURCE.test(id)) return null;
      const out = collapseHtmlLiterals(code);
      return out === undefined ? null : { code: out, map: null };
    },
  };
}
