// Dev mode only, loaded on first use: the WCAG contrast check of an appearance's colors.
import type { TokenValues } from './styles.js';

/** The RGB of an opaque CSS color (any syntax the browser knows, read back from a 2D canvas as `#rrggbb`). */
let canvas: CanvasRenderingContext2D | null | undefined;
function rgbOf(color: string | undefined): number[] | undefined {
  if (!color || !CSS.supports('color', color)) return undefined;
  canvas ??= document.createElement('canvas').getContext('2d');
  if (!canvas) return undefined;
  canvas.fillStyle = '#000';
  canvas.fillStyle = color;
  const hex = /^#(..)(..)(..)$/.exec(String(canvas.fillStyle));
  return hex?.slice(1).map((channel) => parseInt(channel, 16));
}

/** WCAG 2's contrast ratio of two sRGB colors. */
function contrast(a: number[], b: number[]): number {
  const luminance = (rgb: number[]) =>
    rgb.reduce((sum, channel, i) => {
      const c = channel / 255;
      return sum + [0.2126, 0.7152, 0.0722][i]! * (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    }, 0.05);
  const [x, y] = [luminance(a), luminance(b)];
  return Math.max(x, y) / Math.min(x, y);
}

/** The pairs the widgets draw text with, as `foreground/background` tokens. */
const DRAWN = ['text/bg', 'muted/bg', 'accent/bg', 'success/bg', 'warning/bg', 'danger/bg', 'accent-text/accent'];
const WCAG_AA = 4.5;

/** A warning for each drawn pair that a site-set token (`fromSite`) brings below WCAG AA. */
export function lowContrast(tokens: TokenValues, fromSite: ReadonlySet<string>): string[] {
  return DRAWN.flatMap((pair) => {
    const [fore, back] = pair.split('/') as [string, string];
    const [f, b] = [rgbOf(tokens[fore]), rgbOf(tokens[back])];
    const ratio = (fromSite.has(fore) || fromSite.has(back)) && f && b ? contrast(f, b) : WCAG_AA;
    return ratio < WCAG_AA ? [`appearance: ${fore} ${tokens[fore]} on ${back} ${tokens[back]} has a contrast of ${ratio.toFixed(2)}:1, below WCAG AA's 4.5:1`] : [];
  });
}
