// dev.ts in the script-tag build (vite.config.ts aliases it): no dev mode, as in Lit's production
// build, so its checks and warnings are left out of the one file.
export function isDev(): boolean {
  return false;
}

export function devWarn(): void {}
