// The Node side of the model checks: bpmnlint with the repository's .bpmnlintrc for BPMN files,
// and each Camunda Form imported into a real form-js Form, the viewer Tasklist 7.24 renders with.
// Every problem is "file: element id: message".
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { createRequire } from 'node:module';
import { JSDOM } from 'jsdom';

const require = createRequire(import.meta.url);
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
const { BpmnModdle } = require('bpmn-moddle');
const camundaModdle = require('camunda-bpmn-moddle/resources/camunda.json');

// form-js renders with Preact into a DOM: jsdom stands in for the browser
const dom = new JSDOM('<!DOCTYPE html><body></body>', { pretendToBeVisual: true });
for (const name of [ 'window', 'document', 'navigator', 'Node', 'Element', 'HTMLElement', 'Event', 'CustomEvent',
  'KeyboardEvent', 'MouseEvent', 'getComputedStyle', 'requestAnimationFrame', 'cancelAnimationFrame', 'DOMParser',
  'MutationObserver' ]) {
  if (!(name in globalThis) || name === 'Event' || name === 'CustomEvent') {
    Object.defineProperty(globalThis, name, { value: dom.window[name], configurable: true, writable: true });
  }
}
const { Form } = require('@bpmn-io/form-js-viewer');

/** Tasklist 7.24 ships form-js 1.8, which reads forms up to this schema version. */
const MAX_SCHEMA_VERSION = 16;

export async function lintBpmn(file, config) {
  const moddle = new BpmnModdle({ camunda: camundaModdle });
  const { rootElement, warnings } = await moddle.fromXML(await readFile(file, 'utf8'));
  const problems = warnings.map(warning => problem(file, warning.element?.id, warning.message));
  connectFlowNodes(rootElement);
  const results = await new Linter({ config, resolver: new NodeResolver() }).lint(rootElement);
  for (const [ rule, reports ] of Object.entries(results)) {
    for (const report of reports.filter(r => r.category === 'error')) {
      problems.push(problem(file, report.id, `${report.message} (${rule})`));
    }
  }
  return problems;
}

/**
 * Modeler writes each node's incoming and outgoing flows; files written by other tools may give
 * them only as the flows' sourceRef and targetRef, which is all the engine reads. The rules read
 * the former, as bpmn-js derives them when it opens a file.
 */
function connectFlowNodes(definitions) {
  const containers = [ ...definitions.rootElements ];
  while (containers.length) {
    const container = containers.pop();
    const elements = container.flowElements || [];
    elements.filter(e => e.$type === 'bpmn:SubProcess').forEach(e => containers.push(e));
    for (const flow of elements.filter(e => e.$type === 'bpmn:SequenceFlow')) {
      for (const [ node, side ] of [ [ flow.sourceRef, 'outgoing' ], [ flow.targetRef, 'incoming' ] ]) {
        if (node && !(node.get(side) || []).includes(flow)) {
          node.get(side).push(flow);
        }
      }
    }
  }
}

export async function lintForm(file) {
  let schema;
  try {
    schema = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    return [ problem(file, null, `not JSON: ${e.message}`) ];
  }
  const problems = [];
  if (!(schema.schemaVersion <= MAX_SCHEMA_VERSION)) {
    problems.push(problem(file, schema.id, `schemaVersion ${schema.schemaVersion}: Tasklist 7.24 reads ${MAX_SCHEMA_VERSION} at most`));
  }
  const container = document.createElement('div');
  document.body.appendChild(container);
  const form = new Form({ container });
  try {
    const fieldTypes = form.get('formFields');
    const keys = new Map();
    for (const component of components(schema)) {
      if (!fieldTypes.get(component.type)) {
        problems.push(problem(file, component.id, `unknown component type '${component.type}'`));
      }
      if (component.key && keys.has(component.key)) {
        problems.push(problem(file, component.id, `key '${component.key}' is also the key of ${keys.get(component.key)}`));
      }
      if (component.key) {
        keys.set(component.key, component.id);
      }
    }
    if (problems.length === 0) {
      const { warnings } = await form.importSchema(schema, {});
      warnings.forEach(warning => problems.push(problem(file, schema.id, `form-js: ${warning.message || warning}`)));
    }
  } catch (e) {
    problems.push(problem(file, schema.id, `form-js cannot import it: ${e.message}`));
  } finally {
    form.destroy();
    container.remove();
  }
  return problems;
}

function components(container) {
  return (container.components || []).flatMap(c => [ c, ...components(c) ]);
}

function problem(file, elementId, message) {
  return `${basename(file)}: ${elementId || '(file)'}: ${message}`;
}

export async function lintFile(file, config) {
  if (file.endsWith('.bpmn')) {
    return lintBpmn(file, config);
  }
  if (file.endsWith('.form')) {
    return lintForm(file);
  }
  return [];
}
