import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface ReadmeBlock {
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  code: string;
  /** The file the block names in its first line (`// app/offer/page.tsx`), if any. */
  path: string | undefined;
  /** The text of the `## ` heading the block is under, and of the `### ` heading below it, if any. */
  section: string;
  subsection: string | undefined;
}

const NAMED = /^\/\/ ((?:[\w.-]+|\[[.\w]+\])(?:\/(?:[\w.-]+|\[[.\w]+\]))*\.(?:ts|tsx|js|mjs|d\.ts))\b/;

/** The README's fenced code blocks in `langs`, with the file each names. */
export function readmeBlocks(langs: readonly string[], readme = readFileSync('README.md', 'utf8')): ReadmeBlock[] {
  const blocks: ReadmeBlock[] = [];
  const lines = readme.split('\n');
  let section = '';
  let subsection: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const heading = /^(##|###) (.+)$/.exec(lines[i]!);
    if (heading?.[1] === '##') [section, subsection] = [heading[2]!.trim(), undefined];
    else if (heading) subsection = heading[2]!.trim();
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    while (++i < lines.length && !/^```\s*$/.test(lines[i]!)) body.push(lines[i]!);
    if (!langs.includes(open[1]!)) continue;
    const code = `${body.join('\n')}\n`;
    blocks.push({ line: start + 1, lang: open[1]!, code, path: NAMED.exec(body[0] ?? '')?.[1], section, subsection });
  }
  return blocks;
}

/**
 * Writes each block below `root`: at the path it names, else `readme-line-<n>.<lang>`. A block that is
 * not a module (no import or export) gets `export {}` so that blocks do not share one global scope.
 * Returns the written paths (relative to `root`); throws when two blocks name the same file.
 */
export function writeBlocks(root: string, blocks: ReadmeBlock[]): string[] {
  const written: string[] = [];
  for (const block of blocks) {
    const path = block.path ?? `readme-line-${block.line}.${block.lang}`;
    if (written.includes(path)) throw new Error(`README.md: two blocks name ${path}`);
    const isModule = /^\s*(import|export)\b/m.test(block.code) || path.endsWith('.d.ts');
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), isModule ? block.code : `${block.code}export {};\n`);
    written.push(path);
  }
  return written;
}

/**
 * The anchor GitHub (and the npm registry page) gives a heading: its text without markup, lower-cased,
 * every character but letters, digits, spaces, `-` and `_` dropped, spaces turned into `-`. Repeats get
 * `-1`, `-2`, … from the caller.
 */
export function githubSlug(heading: string): string {
  return heading
    .replace(/`/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}
