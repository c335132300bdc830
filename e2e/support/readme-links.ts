import { githubSlug } from './readme-blocks.js';

// What README.md links to, as the npm registry page shows it: the page is read from the published
// tarball, where a relative link (`CONTRIBUTING.md`, `docs/…`) resolves to nothing. Code is not prose:
// fenced blocks and inline code spans are examples of the user's own pages and files (`src="/kit.js"`),
// never links of this page, so they are blanked before links are looked for.

const FENCE = /^ {0,3}(```|~~~)/;

/** The README's lines with every fenced block blanked (the line count kept). */
function outsideFences(readme: string): string[] {
  let inFence = false;
  return readme.split('\n').map((line) => {
    if (FENCE.test(line)) {
      inFence = !inFence;
      return '';
    }
    return inFence ? '' : line;
  });
}

/** The README with every fenced block and inline code span blanked: the same lines, prose only. */
export function proseOf(readme: string): string {
  // A code span ends at the same number of backticks and never crosses a blank line.
  return outsideFences(readme)
    .join('\n')
    .replace(/(`+)((?:(?!\n[ \t]*\n)[\s\S])*?)\1(?!`)/g, (span) => span.replace(/[^\n]/g, ' '));
}

/** Every in-page anchor: each heading's GitHub slug (repeats get -1, -2, …) and any `<a id|name>`. */
export function anchorsOf(readme: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const prose = proseOf(readme).split('\n');
  outsideFences(readme).forEach((line, index) => {
    const heading = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (heading) {
      const base = githubSlug(heading[1]!);
      let slug = base;
      while (anchors.has(slug)) {
        const count = (seen.get(base) ?? 0) + 1;
        seen.set(base, count);
        slug = `${base}-${count}`;
      }
      anchors.add(slug);
    }
    for (const match of prose[index]!.matchAll(/<a\s[^>]*\b(?:id|name)\s*=\s*["']([^"']+)["']/gi)) anchors.add(match[1]!);
  });
  return anchors;
}

export interface ReadmeLink {
  line: number;
  target: string;
}

/** Every link and image destination of the prose: `](…)`, `[ref]: …` definitions and HTML `src` / `href`. */
export function linksOf(readme: string): ReadmeLink[] {
  const links: ReadmeLink[] = [];
  proseOf(readme)
    .split('\n')
    .forEach((text, index) => {
      const line = index + 1;
      for (const match of text.matchAll(/\]\(\s*(<[^>]*>|[^\s)]*)/g)) links.push({ line, target: match[1]!.replace(/^<|>$/g, '') });
      const definition = /^ {0,3}\[[^\]]+\]:\s*<?([^\s>]*)/.exec(text);
      if (definition) links.push({ line, target: definition[1]! });
      for (const match of text.matchAll(/\b(?:src|href|srcset|poster)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) links.push({ line, target: (match[1] ?? match[2])! });
    });
  return links;
}

/** What does not resolve from the registry page: an anchor no heading makes, or anything but an absolute https URL. */
export function linkProblems(readme: string): string[] {
  const anchors = anchorsOf(readme);
  const problems: string[] = [];
  for (const { line, target } of linksOf(readme)) {
    if (target.startsWith('#')) {
      if (!anchors.has(decodeURIComponent(target.slice(1)))) problems.push(`line ${line}: ${target}: no heading has this anchor`);
    } else if (!/^https:\/\/[^/\s]+\.[^/\s]+/.test(target)) {
      problems.push(`line ${line}: ${target}: not an in-page anchor or an absolute https URL (a relative link does not resolve on the registry page)`);
    }
  }
  return problems;
}

export interface CdnUrl {
  line: number;
  url: string;
  version: string | undefined;
  /** The file in the package, without the leading slash; '' for the package's own default file. */
  path: string;
}

const CDN = /(?:https?:)?\/\/cdn\.jsdelivr\.net\/npm\/stripe-widget-kit(?:@([^/\s"'`)<>]*))?(\/[^\s"'`)<>?#]*)?/g;

/** Every jsDelivr URL of this package anywhere in the README, code included (a page copies those too). */
export function cdnUrlsOf(readme: string): CdnUrl[] {
  return readme.split('\n').flatMap((text, index) =>
    [...text.matchAll(CDN)].map((match) => ({ line: index + 1, url: match[0], version: match[1], path: (match[2] ?? '').replace(/^\//, '') })),
  );
}

/** A CDN URL of another version than package.json's, or of a file the tarball does not hold. */
export function cdnProblems(readme: string, version: string, packed: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const { line, url, version: pinned, path } of cdnUrlsOf(readme)) {
    if (pinned !== version) problems.push(`line ${line}: ${url}: names version ${pinned ?? '(none)'}, package.json says ${version}`);
    if (path !== '' && !packed.has(path)) problems.push(`line ${line}: ${url}: ${path} is not in the packed tarball (npm pack --dry-run)`);
  }
  return problems;
}
