import { chromium, type Browser } from 'playwright-core';
// @ts-expect-error: plain .mjs helper shared with the test runner config
import { CHROMIUM_ARGS, ensureChromium } from '../../scripts/chromium.mjs';

/** Debian's Chromium through playwright-core (no browser download). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium() as string, headless: true, args: CHROMIUM_ARGS as string[] });
}
