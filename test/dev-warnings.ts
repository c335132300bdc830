/**
 * Records the kit's dev-mode warnings (`stripe-widget-kit: …`; Lit's development build runs in these
 * tests, so dev mode is on) and lets every other console warning through. `stop()` restores console.warn.
 */
export function recordKitWarnings(): { warnings: string[]; stop(): void } {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (text.startsWith('stripe-widget-kit:')) warnings.push(text);
    else original(...args);
  };
  return { warnings, stop: () => void (console.warn = original) };
}
