export default {
  globs: ['src/**/*.ts'],
  exclude: ['**/*.test.ts', 'src/iife.ts'],
  litelement: true,
};
