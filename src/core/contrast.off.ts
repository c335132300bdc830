// contrast.ts in the script-tag build (vite.config.ts aliases it), which has no dev mode.
export function lowContrast(): string[] {
  return [];
}
