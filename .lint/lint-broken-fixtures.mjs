// Proves the Node lint fails on broken models: node lint-broken-fixtures.mjs <fixture folder>.
// Each fixture listed in expected.json with a "node" message must give a problem that names its
// element and says that; exit code 1 when one does not (a lint that no longer catches it).
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { lintFile } from './models.mjs';

const folder = process.argv[2] || '../src/test/resources/models/broken';
const config = JSON.parse(await readFile(new URL('../.bpmnlintrc', import.meta.url), 'utf8'));
const expected = JSON.parse(await readFile(join(folder, 'expected.json'), 'utf8'));
const failures = [];
let checked = 0;
for (const name of (await readdir(folder)).filter(n => n.endsWith('.bpmn') || n.endsWith('.form')).sort()) {
  if (!(name in expected)) {
    failures.push(`${name}: not in expected.json`);
    continue;
  }
  const { element, node } = expected[name];
  if (node === null) {
    continue;
  }
  const problems = await lintFile(join(folder, name), config);
  const caught = problems.find(p => p.startsWith(`${name}: ${element}: `) && p.includes(node));
  if (caught) {
    console.log(`refused as expected: ${caught}`);
    checked++;
  } else {
    failures.push(`${name}: expected a problem of ${element} saying "${node}", got ${JSON.stringify(problems)}`);
  }
}
failures.forEach(f => console.error(f));
console.log(`${checked} broken fixtures refused by the Node lint, ${failures.length} not`);
process.exit(failures.length || checked === 0 ? 1 : 0);
