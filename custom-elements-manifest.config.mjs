// The analyzer's config: source → custom-elements.json (what ships), then, when `npm run build` asks
// for them (SWK_INTEGRATIONS_OUT), the typings and editor data generated from that manifest by the
// custom-element-*-integration plugins, as Web Awesome does in one config.
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementSveltePlugin } from 'custom-element-svelte-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';
import { publicManifest } from './scripts/manifest/public-manifest.mjs';
import { withImportedTypes } from './scripts/manifest/imported-types.mjs';

const integrationsOut = process.env.SWK_INTEGRATIONS_OUT;
const skip = !integrationsOut;

/** Runs a generator plugin on a copy whose type texts resolve from the shipped declarations. */
function typed(plugin) {
  return {
    name: `${plugin.name}-typed`,
    packageLinkPhase({ customElementsManifest }) {
      plugin.packageLinkPhase({ customElementsManifest: withImportedTypes(customElementsManifest, '../types/src/types.js') });
    },
  };
}

// Every generated file sits in dist/integrations/ next to types.d.ts, which re-exports the classes
// and every type their events and properties name.
const componentTypePath = () => '../types/src/types.js';

export default {
  globs: ['src/**/*.ts'],
  exclude: ['**/*.test.ts', 'src/iife.ts', 'src/types.ts', 'src/react/**'],
  litelement: true,
  // The analyzer would otherwise point package.json's customElements at whatever --outdir it was given.
  packagejson: false,
  plugins: [
    publicManifest(),
    typed(customElementJsxPlugin({ outdir: integrationsOut, fileName: 'jsx.d.ts', componentTypePath, skip, hideLogs: true })),
    typed(customElementVuejsPlugin({ outdir: integrationsOut, fileName: 'vue.d.ts', componentTypePath, skip, hideLogs: true })),
    typed(customElementSveltePlugin({ outdir: integrationsOut, fileName: 'svelte.d.ts', componentTypePath, skip, hideLogs: true })),
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
