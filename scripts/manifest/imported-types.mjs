// The integrations print each event's type text as written. Generic detail types
// (`SwkLoadDetail<CapitalFinancingOffer | null>`) are not imported by them, so a copy of the manifest
// names every type through `import("<barrel>").Name`, which resolves in the generated .d.ts files.
const BUILT_IN = new Set([
  'string', 'number', 'boolean', 'bigint', 'symbol', 'null', 'undefined', 'unknown', 'never', 'any', 'void', 'object',
  'readonly', 'keyof', 'typeof', 'true', 'false', 'Array', 'ReadonlyArray', 'Promise', 'Record', 'Partial', 'Readonly',
]);

/** Prefixes every type name in `text` (`SwkLoadDetail<ClimateOrder>`) with `prefix` (`T.`, `import("x").`). */
export function qualifiedTypeText(text, prefix) {
  return text.replace(/(?<![\w."'])([A-Za-z_$][\w$]*)/g, (name) => (BUILT_IN.has(name) ? name : `${prefix}${name}`));
}

const camel = (kebab) => kebab.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());

/**
 * A copy of the manifest for the typings generators. `vueNames`: Vue's strict templates compare
 * props camelized (`offer-id` → `offerId`) and listeners as `on` + PascalCase (`@swk-load` → `onSwkLoad`).
 */
export function withImportedTypes(manifest, barrel, { vueNames = false } = {}) {
  const copy = structuredClone(manifest);
  for (const mod of copy.modules) {
    for (const decl of mod.declarations ?? []) {
      // A getter such as `locale` cannot be set from a template.
      decl.members = decl.members?.filter((m) => !m.readonly);
      for (const event of decl.events ?? []) {
        if (event.type?.text) event.type.text = qualifiedTypeText(event.type.text, `import("${barrel}").`);
        if (vueNames && event.name) event.name = camel(`-${event.name}`);
      }
      if (vueNames) for (const attribute of decl.attributes ?? []) attribute.name = camel(attribute.name);
    }
  }
  return copy;
}
