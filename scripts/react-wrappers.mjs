// Writes src/react/index.ts, the `stripe-widget-kit/react` wrappers, from custom-elements.json: one
// @lit/react component per widget, named after its tag in PascalCase, with an `on…` prop per event
// typed with the event's detail. `--check` fails when the file is not what this would write.
import { readFileSync, writeFileSync } from 'node:fs';
import { qualifiedTypeText } from './manifest/imported-types.mjs';

const OUT = 'src/react/index.ts';
const SHARED_EVENTS = new Set(['swk-load', 'swk-error']);
const pascal = (kebab) => kebab.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase());

/** `swk-offer-replaced` → `onOfferReplaced`; the shared two keep their prefix (`onLoad` is React's). */
export const eventPropName = (event) => `on${pascal(SHARED_EVENTS.has(event) ? event : event.replace(/^swk-/, ''))}`;

export function wrapperSource(manifest) {
  const widgets = manifest.modules
    .flatMap((mod) => mod.declarations ?? [])
    .filter((d) => d.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
  const imports = widgets.map((w) => `import { ${w.name} as ${w.name}Element } from '../${w.tagName}/define.js';`);
  const wrappers = widgets.map((w) => {
    const events = (w.events ?? []).filter((e) => e.name).map((e) => {
      const detail = qualifiedTypeText(e.type?.text ?? 'unknown', 'T.');
      return `    /** ${String(e.description ?? '').replace(/\s+/g, ' ').replaceAll('*/', '*\\/')} */\n    ${eventPropName(e.name)}: '${e.name}' as EventName<CustomEvent<${detail}>>,`;
    });
    return [
      `/** \`<${w.tagName}>\`: ${String(w.summary ?? '').replace(/\s+/g, ' ')} */`,
      `export const ${pascal(w.tagName)} = deferHydration(createComponent({`,
      `  tagName: '${w.tagName}',`,
      `  elementClass: ${w.name}Element,`,
      '  react: React,',
      '  events: {',
      ...events,
      '  },',
      `  displayName: '${pascal(w.tagName)}',`,
      '}));',
    ].join('\n');
  });
  return [
    "'use client';",
    '// Generated from custom-elements.json by scripts/react-wrappers.mjs (`npm run manifest`): do not edit.',
    '// React wrappers made with @lit/react: properties are set as properties (`fetcher`, `stripe`, …) and',
    '// events are typed `on…` props, in React 18 and 19 and after Next.js hydration. Each element waits',
    '// for its properties (defer-hydration.ts): no request or configuration error before hydration.',
    "import { createComponent, type EventName } from '@lit/react';",
    "import * as React from 'react';",
    "import type * as T from '../types.js';",
    "import { deferHydration } from './defer-hydration.js';",
    ...imports,
    '',
    '// Lit makes the property accessors when a class is finalized, which a browser does on define. On a',
    '// server a tag may stay undefined (or defined by another copy of the kit), and @lit/react would then',
    '// render `endpoint`, `offerId`… as attributes: the element would fetch before hydration, without the',
    '// `fetcher`. Finalizing here keeps every property for the client.',
    `for (const element of [${widgets.map((w) => `${w.name}Element`).join(', ')}]) void element.observedAttributes;`,
    '',
    wrappers.join('\n\n'),
    '',
  ].join('\n');
}

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const source = wrapperSource(manifest);
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(OUT, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (committed !== source) {
    console.error(`${OUT} is stale: run \`npm run manifest\` and commit it.`);
    process.exit(1);
  }
  console.log(`${OUT} matches custom-elements.json`);
} else {
  writeFileSync(OUT, source);
  console.log(`wrote ${OUT}`);
}
