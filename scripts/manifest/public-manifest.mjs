// Analyzer plugin: turns what the analyzer reads from src/ into what ships. One module per widget at
// its dist entry (`dist/<tag>.js`, which exports the class and registers the tag), the base class at
// `dist/core.js`; no private, protected, static or `#` members; no attribute for internal state
// (e.g. fc-link-account's `phase`); event types are the `detail` types; defaults filled in.
import { readFileSync } from 'node:fs';

const WIDGET_MODULE = /^src\/([^/]+)\/\1\.component\.ts$/;
const BASE_MODULE = 'src/core/swk-element.ts';
const THEME_SOURCE = 'src/core/styles.ts';

const sourcePath = (path) => path.replace(/^\//, '').replace(/\.js$/, '.ts');

/** Where a source module ships, or undefined for modules that are not public API. */
export function distPathOf(path) {
  const source = sourcePath(path);
  const widget = WIDGET_MODULE.exec(source);
  if (widget) return `dist/${widget[1]}.js`;
  return source === BASE_MODULE ? 'dist/core.js' : undefined;
}

const isPublicMember = (m) => (m.privacy ?? 'public') === 'public' && !m.static && !m.name.startsWith('#') && !m.name.startsWith('_');

/** `CustomEvent<Detail>` → `Detail` (the integrations wrap the detail in `CustomEvent<…>` themselves). */
const detailType = (text) => /^CustomEvent<(.*)>$/s.exec(text ?? '')?.[1] ?? text;

/** The light-theme default of each `--swk-*` property: the second entry of its row in the theme's TOKENS table. */
function themeDefaults() {
  const defaults = new Map();
  for (const line of readFileSync(THEME_SOURCE, 'utf8').split('\n')) {
    const found = /\[\s*'(--swk-[\w-]+)',\s*(?:'([^']*)'|"([^"]*)")/.exec(line);
    if (found && !defaults.has(found[1])) defaults.set(found[1], found[2] ?? found[3]);
  }
  return defaults;
}

/** Numeric module constants (`DEFAULT_TIMEOUT_MS = 15_000`), to evaluate defaults such as `DEFAULT_TIMEOUT_MS / 1000`. */
function numericConstants(modules) {
  const constants = new Map();
  for (const mod of modules) {
    for (const d of mod.declarations ?? []) {
      if (d.kind === 'variable' && /^[\d_.]+$/.test(d.default ?? '')) constants.set(d.name, Number(d.default.replaceAll('_', '')));
    }
  }
  return constants;
}

/**
 * The initializer the analyzer could not print (an expression of constants), evaluated; for an accessor
 * pair, its private backing field's (`#timeout = DEFAULT_TIMEOUT_MS / 1000`).
 */
function evaluatedDefault(modulePath, name, constants) {
  const source = readFileSync(sourcePath(modulePath), 'utf8');
  const initializer = new RegExp(`^[ \\t]*#?${name}(?:: [^=\\n]+)? = ([^;\\n]+);`, 'm').exec(source)?.[1];
  if (!initializer) return undefined;
  const arithmetic = initializer.replace(/[A-Z][A-Z0-9_]*/g, (id) => (constants.has(id) ? String(constants.get(id)) : id));
  if (!/^[\d_.\s+\-*/()]+$/.test(arithmetic)) return undefined;
  return String(Function(`return (${arithmetic.replaceAll('_', '')});`)());
}

function cleanDeclaration(decl, modulePath, { constants, theme }) {
  const rewrite = (ref) => (ref?.module && distPathOf(ref.module) ? { ...ref, module: distPathOf(ref.module) } : ref);
  const members = (decl.members ?? []).filter(isPublicMember).map((m) => {
    const filled = m.kind === 'field' && m.default === undefined ? evaluatedDefault(m.inheritedFrom?.module ?? modulePath, m.name, constants) : undefined;
    return { ...m, ...(filled !== undefined && { default: filled }), ...(m.inheritedFrom && { inheritedFrom: rewrite(m.inheritedFrom) }) };
  });
  const byName = new Map(members.map((m) => [m.name, m]));
  const attributes = (decl.attributes ?? [])
    .filter((a) => !a.fieldName || byName.has(a.fieldName))
    .map((a) => ({
      ...a,
      ...(a.default === undefined && byName.get(a.fieldName)?.default !== undefined && { default: byName.get(a.fieldName).default }),
      ...(a.inheritedFrom && { inheritedFrom: rewrite(a.inheritedFrom) }),
    }));
  return {
    ...decl,
    ...(decl.superclass && { superclass: rewrite(decl.superclass) }),
    members,
    ...(decl.attributes && { attributes }),
    ...(decl.events && { events: decl.events.map((e) => ({ ...e, ...(e.type && { type: { ...e.type, text: detailType(e.type.text) } }) })) }),
    ...(decl.cssProperties && {
      cssProperties: decl.cssProperties.map((p) => (p.default === undefined && theme.has(p.name) ? { ...p, default: theme.get(p.name) } : p)),
    }),
  };
}

export function publicManifest() {
  return {
    name: 'swk-public-manifest',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const context = { constants: numericConstants(manifest.modules), theme: themeDefaults() };
      const modules = [];
      for (const mod of manifest.modules) {
        const path = distPathOf(mod.path);
        if (!path) continue;
        const declarations = (mod.declarations ?? []).filter((d) => d.kind === 'class').map((d) => cleanDeclaration(d, mod.path, context));
        const exports = declarations.flatMap((d) => [
          { kind: 'js', name: d.name, declaration: { name: d.name, module: path } },
          ...(d.tagName ? [{ kind: 'custom-element-definition', name: d.tagName, declaration: { name: d.name, module: path } }] : []),
        ]);
        modules.push({ kind: 'javascript-module', path, declarations, exports });
      }
      manifest.modules = modules.sort((a, b) => a.path.localeCompare(b.path));
    },
  };
}
