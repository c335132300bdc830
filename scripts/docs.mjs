// Writes each widget's API reference into README.md from custom-elements.json, between
// `<!-- api:<tag> -->` and `<!-- /api:<tag> -->`, so the docs cannot drift from the code.
// `--check` fails when README.md is not what this would write.
import { readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const check = process.argv.includes('--check');

const cell = (text) => String(text ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
// Only whitespace here: table() escapes the pipes of every cell once, code spans included.
const code = (text) => (text ? `\`${String(text).replace(/\s+/g, ' ').trim()}\`` : '');

function table(headers, rows) {
  if (rows.length === 0) return '';
  return [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

function apiSection(decl) {
  const out = [];
  if (decl.summary) out.push(cell(decl.summary));
  const attributes = (decl.attributes ?? []).filter((a) => a.name);
  out.push(table(['Attribute', 'Property', 'Type', 'Default', 'Description'],
    attributes.map((a) => [code(a.name), code(a.fieldName), code(a.type?.text), code(a.default), a.description])));
  const attributeFields = new Set(attributes.map((a) => a.fieldName));
  const properties = (decl.members ?? []).filter(
    (m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public' && !attributeFields.has(m.name) && m.description,
  );
  out.push(table(['Property (no attribute)', 'Type', 'Description'], properties.map((p) => [code(p.name), code(p.type?.text), p.description])));
  out.push(table(['Event', 'Detail', 'Description'], (decl.events ?? []).filter((e) => e.name).map((e) => [code(e.name), code(e.type?.text), e.description])));
  out.push(table(['Slot', 'Description'], (decl.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', s.description])));
  out.push(table(['CSS part', 'Description'], (decl.cssParts ?? []).map((p) => [code(p.name), p.description])));
  out.push(table(['CSS custom property', 'Default', 'Description'], (decl.cssProperties ?? []).map((p) => [code(p.name), code(p.default), p.description])));
  return out.filter(Boolean).join('\n\n');
}

let readme = readFileSync('README.md', 'utf8');
const original = readme;
for (const mod of manifest.modules) {
  for (const decl of mod.declarations ?? []) {
    if (!decl.tagName) continue;
    const start = `<!-- api:${decl.tagName} -->`;
    const end = `<!-- /api:${decl.tagName} -->`;
    const from = readme.indexOf(start);
    const to = readme.indexOf(end);
    if (from === -1 || to === -1) {
      if (check) {
        console.error(`README.md has no ${start} … ${end} section for <${decl.tagName}>`);
        process.exit(1);
      }
      continue;
    }
    readme = `${readme.slice(0, from + start.length)}\n${apiSection(decl)}\n${readme.slice(to)}`;
  }
}
if (check) {
  if (readme !== original) {
    console.error('README.md API sections are stale: run `npm run docs` and commit README.md.');
    process.exit(1);
  }
  console.log('README.md API sections match custom-elements.json');
} else if (readme !== original) {
  writeFileSync('README.md', readme);
  console.log('updated README.md API sections');
}
