'use strict';
// Constructs every SDK resource under Pulumi's mock runtime, so that the SDK constructors'
// own checks run ("Missing required property 'x'"), and verifies that the class that a
// token resolved to registers exactly that token. Harbor resources, which have no SDK, get
// the equivalent checks from the schema (required inputs, integers, enums).

const { joinPath } = require('./expr');

const PLACEHOLDER = '<conformance-placeholder>';

let mocksInstalled = false;

function installMocks(pulumi) {
  if (mocksInstalled) return;
  pulumi.runtime.setMocks({
    newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }),
    call: () => ({}),
  }, 'conformance', 'conformance', true);
  mocksInstalled = true;
}

/** Replaces whole-variable references by the variable's expression (as Pulumi YAML substitutes them). */
function substitute(prog, node, stack = []) {
  if (!node) return node;
  switch (node.k) {
    case 'ref': {
      const t = prog.lookup(node.ref.root);
      if (t && t.kind === 'variable' && node.ref.path.length === 0 && !stack.includes(t.name)) {
        return substitute(prog, prog.variables.get(t.name).node, [...stack, t.name]);
      }
      return node;
    }
    case 'list': return { ...node, items: node.items.map((n) => substitute(prog, n, stack)) };
    case 'obj': return { ...node, entries: node.entries.map(([k, v]) => [k, substitute(prog, v, stack)]) };
    case 'fn': return node.name === 'secret' ? substitute(prog, node.value, stack) : node;
    default: return node;
  }
}

function valueOf(pulumi, node) {
  switch (node.k) {
    case 'lit': return node.v;
    case 'null': return undefined;
    case 'list': return node.items.map((n) => valueOf(pulumi, n));
    case 'obj': return Object.fromEntries(node.entries.map(([k, v]) => [k, valueOf(pulumi, v)]));
    default: return pulumi.output(PLACEHOLDER); // references, interpolations and builtins: known later
  }
}

/**
 * @param {object} opts
 * @param {import('./program').Program[]} opts.programs
 * @param {import('./harbor').HarborSchema|null} opts.harbor
 * @param {(prog: object, where: string, path: string, message: string) => void} opts.report
 */
async function runMocks({ programs, harbor, report }) {
  const pulumi = require('@pulumi/pulumi');
  installMocks(pulumi);
  const asyncErrors = [];
  let recording = true;
  // Mock registrations run asynchronously: record their failures while resources are built,
  // and keep a late failure from crashing the report afterwards.
  process.on('unhandledRejection', (e) => { if (recording) asyncErrors.push(e); });
  const classes = new Map();
  const loadClass = (entry) => {
    if (!classes.has(entry.token)) classes.set(entry.token, require(entry.module)[entry.exportName]);
    return classes.get(entry.token);
  };
  let constructed = 0;
  // SDK constructors log deprecations through pulumi.log; the gate reports those itself.
  const saved = { warn: pulumi.log.warn, info: pulumi.log.info, debug: pulumi.log.debug };
  for (const k of Object.keys(saved)) pulumi.log[k] = () => {};
  try {
    for (const prog of programs) {
      for (const res of prog.resources.values()) {
        const entry = res.entry;
        if (!entry || res.get) continue;
        const props = substitute(prog, res.props);
        if (entry.source === 'harbor') {
          const spec = harbor.resourceSpec(res.token);
          harbor.checkLiterals(spec.inputProperties, spec.requiredInputs, props, '', (p, m) => report(prog, res.name, p, m));
          continue;
        }
        let Cls;
        try {
          Cls = loadClass(entry);
        } catch (e) {
          report(prog, res.name, 'type', `cannot load ${entry.module}: ${e.message}`);
          continue;
        }
        if (typeof Cls !== 'function') {
          report(prog, res.name, 'type', `${entry.module} exports no class ${entry.exportName}`);
          continue;
        }
        // the class must register exactly the token written in the program
        if (!entry.dynamicType && !entry.builtin) { // CustomResource registers kubernetes:<apiVersion>:<kind>; its constructor checks both
          const registered = entry.kind === 'provider' ? `pulumi:providers:${Cls.__pulumiType}` : Cls.__pulumiType;
          if (registered !== res.token) {
            report(prog, res.name, 'type', `type token '${res.token}' resolved to ${entry.module}.${entry.exportName}, which registers '${registered}'`);
            continue;
          }
        }
        const args = props ? valueOf(pulumi, props) : undefined;
        try {
          // eslint-disable-next-line no-new
          new Cls(res.name, args, {});
          constructed++;
        } catch (e) {
          const msg = String(e && e.message ? e.message : e).split('\n')[0];
          const m = /Missing required property '([^']+)'/.exec(msg);
          report(prog, res.name, m ? joinPath('', m[1]) : '', msg);
        }
      }
    }
    // let the mock registrations settle, so that their failures surface here
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  } finally {
    recording = false;
    Object.assign(pulumi.log, saved);
  }
  for (const e of asyncErrors) {
    report(null, '(mock runtime)', '', String(e && e.message ? e.message : e).split('\n')[0]);
  }
  return { constructed };
}

module.exports = { runMocks, substitute };
