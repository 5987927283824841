// Lints every model of the repository: node lint-models.mjs <repository root>. Exit code 1 on a problem.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { lintFile } from './models.mjs';

const root = process.argv[2] || '..';
const config = JSON.parse(await readFile(join(root, '.bpmnlintrc'), 'utf8'));
const problems = [];
let files = 0;
for (const folder of [ 'processes', 'forms' ]) {
  for (const name of (await readdir(join(root, folder))).sort()) {
    problems.push(...await lintFile(join(root, folder, name), config));
    files++;
  }
}
problems.forEach(p => console.error(p));
console.log(`${files} model files linted, ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
