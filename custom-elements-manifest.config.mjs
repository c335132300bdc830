// The analyzer's config: source → custom-elements.json (what ships), then, when `npm run build` asks
// for them (SWK_INTEGRATIONS_OUT), the typings and editor data generated from that manifest by the
// custom-element-*-integration plugins, as Web Awesome does in one config.
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementSveltePlugin } from 'custom-element-svelte-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publicManifest } from './scripts/manifest/public-manifest.mjs';
import { withImportedTypes } from './scripts/manifest/imported-types.mjs';

const integrationsOut = process.env.SWK_INTEGRATIONS_OUT;
const skip = !integrationsOut;

/** Runs a generator plugin on a copy whose type texts resolve from the shipped declarations. */
function typed(plugin, options) {
  return {
    name: `${plugin.name}-typed`,
    packageLinkPhase({ customElementsManifest }) {
      plugin.packageLinkPhase({ customElementsManifest: withImportedTypes(customElementsManifest, '../types/src/types.js', options) });
    },
  };
}

/**
 * The generator writes Svelte 4 forms; Svelte 5 sets a custom element's properties from plain
 * attributes (`fetcher={…}`), listens with `on` + the event name (`onswk-load={…}`), and takes
 * element typings from `svelte/elements` (a `declare namespace` in a module file would stay local).
 */
const SVELTE_5 = [
  [/"on:swk-/g, '"onswk-'],
  [/"bind:([\w-]+)"/g, '$1'],
  [/children\?: JSX\.Element;/, 'children?: import("svelte").Snippet;'],
  [/style\?: JSX\.CSSProperties;/, 'style?: string;'],
  [/declare namespace svelteHTML \{[\s\S]*\}\s*$/, 'declare module "svelte/elements" {\n  interface SvelteHTMLElements extends CustomElements {}\n}\n'],
];

function svelte5Syntax(plugin) {
  return {
    name: `${plugin.name}-svelte5`,
    packageLinkPhase(params) {
      plugin.packageLinkPhase(params);
      const file = join(integrationsOut, 'svelte.d.ts');
      writeFileSync(file, SVELTE_5.reduce((text, [from, to]) => text.replace(from, to), readFileSync(file, 'utf8')));
    },
  };
}

/**
 * HTML carries every attribute as a string, and the README writes `timeout="10"`, so each numeric
 * attribute's typing also takes a string (the element reads it as a number; see SwkElement's setters).
 * The generators print `Class["field"]`, the class's own (number) type: widen those in `fileName`.
 */
function numericAttributesTakeStrings(plugin, fileName) {
  return {
    name: `${plugin.name}-numeric-strings`,
    packageLinkPhase(params) {
      plugin.packageLinkPhase(params);
      const numeric = params.customElementsManifest.modules.flatMap((mod) =>
        (mod.declarations ?? []).flatMap((decl) =>
          (decl.attributes ?? []).filter((a) => a.fieldName && a.type?.text === 'number').map((a) => `${decl.name}["${a.fieldName}"]`),
        ),
      );
      const file = join(integrationsOut, fileName);
      let text = readFileSync(file, 'utf8');
      for (const field of new Set(numeric)) text = text.replaceAll(`${field};`, `${field} | string;`);
      writeFileSync(file, text);
    },
  };
}

// Every generated file sits in dist/integrations/ next to types.d.ts, which re-exports the classes
// and every type their events and properties name.
const componentTypePath = () => '../types/src/types.js';

export default {
  globs: ['src/**/*.ts'],
  exclude: ['**/*.test.ts', 'src/iife.ts', 'src/types.ts', 'src/react/**', 'src/testing/**'],
  litelement: true,
  // The analyzer would otherwise point package.json's customElements at whatever --outdir it was given.
  packagejson: false,
  plugins: [
    publicManifest(),
    ...(skip
      ? []
      : [
          numericAttributesTakeStrings(typed(customElementJsxPlugin({ outdir: integrationsOut, fileName: 'jsx.d.ts', componentTypePath, hideLogs: true })), 'jsx.d.ts'),
          numericAttributesTakeStrings(
            typed(customElementVuejsPlugin({ outdir: integrationsOut, fileName: 'vue.d.ts', componentTypePath, hideLogs: true }), { vueNames: true }),
            'vue.d.ts',
          ),
          numericAttributesTakeStrings(
            svelte5Syntax(typed(customElementSveltePlugin({ outdir: integrationsOut, fileName: 'svelte.d.ts', componentTypePath, hideLogs: true }))),
            'svelte.d.ts',
          ),
        ]),
    customElementVsCodePlugin({
      outdir: integrationsOut,
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
      skip,
      hideLogs: true,
    }),
    customElementJetBrainsPlugin({ outdir: integrationsOut, webTypesFileName: 'web-types.json', packageJson: false, skip, hideLogs: true }),
  ],
};
