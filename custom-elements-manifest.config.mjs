export default {
  globs: ['src/**/*.ts'],
  exclude: ['**/*.test.ts', 'src/iife.ts'],
  litelement: true,
  // The analyzer would otherwise point package.json's customElements at whatever --outdir it was given.
  packagejson: false,
};
