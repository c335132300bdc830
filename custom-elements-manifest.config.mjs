/** Drops the definition the analyzer infers from SwkElement.define's `customElements.define(tag, this)`. */
const dropDynamicDefine = {
  name: 'swk-drop-dynamic-define',
  packageLinkPhase({ customElementsManifest }) {
    for (const mod of customElementsManifest.modules) {
      mod.exports = mod.exports?.filter((e) => !(e.kind === 'custom-element-definition' && e.declaration?.name?.startsWith('anonymous_')));
    }
  },
};

export default {
  globs: ['src/**/*.ts'],
  exclude: ['**/*.test.ts', 'src/iife.ts'],
  litelement: true,
  // The analyzer would otherwise point package.json's customElements at whatever --outdir it was given.
  packagejson: false,
  plugins: [dropDynamicDefine],
};
