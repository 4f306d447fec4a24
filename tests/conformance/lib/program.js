'use strict';
// Loading a Pulumi YAML program and checking its structure: sections, resource keys,
// options, references between names, and cycles.

const fs = require('fs');
const YAML = require('yaml');
const { parseExpr, joinPath, forEachRef } = require('./expr');

class InputError extends Error {}

const TOP_LEVEL_KEYS = new Set([
  // Pulumi YAML program sections
  'name', 'description', 'config', 'configuration', 'variables', 'resources', 'outputs', 'packages', 'components',
  // Pulumi.yaml project keys that may sit beside them
  'runtime', 'main', 'stackConfigDir', 'backend', 'options', 'template', 'plugins', 'author', 'license', 'website', 'pulumi',
]);
const RESOURCE_KEYS = new Set(['type', 'name', 'defaultProvider', 'properties', 'options', 'get']);
const OPTION_KEYS = new Set([
  'additionalSecretOutputs', 'aliases', 'customTimeouts', 'deleteBeforeReplace', 'dependsOn', 'ignoreChanges', 'import',
  'parent', 'protect', 'provider', 'providers', 'version', 'pluginDownloadURL', 'replaceOnChanges', 'retainOnDelete', 'deletedWith',
]);
const CONFIG_KEYS = new Set(['type', 'name', 'secret', 'default', 'value', 'items', 'description']);
const STRING_LIST_OPTIONS = new Set(['additionalSecretOutputs', 'aliases', 'ignoreChanges', 'replaceOnChanges']);
const BOOL_OPTIONS = new Set(['deleteBeforeReplace', 'retainOnDelete']);
const STRING_OPTIONS = new Set(['import', 'version', 'pluginDownloadURL']);
const RESOURCE_REF_OPTIONS = new Set(['provider', 'parent', 'deletedWith']);
const PULUMI_BUILTINS = new Set(['cwd', 'project', 'stack', 'organization', 'rootDirectory']);

/**
 * Reads and parses one YAML file. Throws InputError on IO or syntax errors.
 * @returns {object} the plain JS value of the document
 */
function loadYaml(file) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read: ${e.code || e.message}`);
  }
  const docs = YAML.parseAllDocuments(text, { uniqueKeys: true, prettyErrors: true });
  if (docs.length !== 1) throw new InputError(`expected exactly one YAML document, found ${docs.length}`);
  const doc = docs[0];
  if (doc.errors && doc.errors.length) {
    const e = doc.errors[0];
    const pos = e.linePos && e.linePos[0] ? ` (line ${e.linePos[0].line})` : '';
    throw new InputError(`YAML syntax error${pos}: ${e.message.split('\n')[0]}`);
  }
  const value = doc.toJS({ maxAliasCount: 10000 });
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new InputError('the document is not a mapping (a Pulumi YAML program)');
  return value;
}

function isMap(v) { return v !== null && typeof v === 'object' && !Array.isArray(v); }

/** TypeScript type of a config declaration. */
function configTsType(decl, report) {
  const inferred = (v) => {
    if (typeof v === 'string') return 'string';
    if (typeof v === 'number') return 'number';
    if (typeof v === 'boolean') return 'boolean';
    if (Array.isArray(v)) return v.length && v.every((x) => typeof x === 'number') ? 'number[]' : v.length && v.every((x) => typeof x === 'string') ? 'string[]' : 'any[]';
    return 'any';
  };
  if (!isMap(decl)) return inferred(decl);
  const t = decl.type;
  if (t === undefined) {
    if (decl.default !== undefined) return inferred(decl.default);
    if (decl.value !== undefined) return inferred(decl.value);
    return 'string';
  }
  if (typeof t !== 'string') { report('type', 'config type must be a string'); return 'any'; }
  const lower = t.toLowerCase();
  const scalar = { string: 'string', integer: 'number', number: 'number', boolean: 'boolean', int: 'number', bool: 'boolean' };
  if (scalar[lower]) return scalar[lower];
  const list = /^list<\s*(\w+)\s*>$/.exec(lower);
  if (list && scalar[list[1]]) return `${scalar[list[1]]}[]`;
  if (lower === 'array') {
    const items = isMap(decl.items) && typeof decl.items.type === 'string' ? scalar[decl.items.type.toLowerCase()] : null;
    return items ? `${items}[]` : 'any[]';
  }
  if (lower === 'object') return '{[key: string]: any}';
  report('type', `unknown config type '${t}' (expected string, integer, number, boolean, array, List<String>, List<Number>, ...)`);
  return 'any';
}

/** Whether a literal JS value fits a config TypeScript type. */
function literalFits(tsType, v) {
  switch (tsType) {
    case 'string': return typeof v === 'string';
    case 'number': return typeof v === 'number';
    case 'boolean': return typeof v === 'boolean';
    case 'string[]': return Array.isArray(v) && v.every((x) => typeof x === 'string');
    case 'number[]': return Array.isArray(v) && v.every((x) => typeof x === 'number');
    default: return true;
  }
}

/**
 * A parsed Pulumi YAML program. `problems` collects structural problems.
 */
class Program {
  constructor(file, index, raw) {
    this.file = file;
    this.index = index;
    this.raw = raw;
    this.name = typeof raw.name === 'string' ? raw.name : null;
    /** @type {{where: string, path: string, message: string, source: string}[]} */
    this.problems = [];
    /** @type {Map<string, {name: string, tsType: string, secret: boolean}>} */
    this.config = new Map();
    /** @type {Map<string, {name: string, node: object}>} */
    this.variables = new Map();
    /** @type {Map<string, object>} */
    this.resources = new Map();
    /** @type {Map<string, object>} */
    this.outputs = new Map();
    this.parse();
  }

  problem(where, path, message) {
    this.problems.push({ where, path, message, source: 'structure' });
  }

  parse() {
    const raw = this.raw;
    for (const key of Object.keys(raw)) {
      if (!TOP_LEVEL_KEYS.has(key)) this.problem('(program)', key, `unknown top-level key '${key}'`);
    }
    if (raw.config !== undefined && raw.configuration !== undefined) {
      this.problem('(program)', 'configuration', "use either 'config' or 'configuration', not both");
    }
    for (const section of ['config', 'configuration']) {
      const cfg = raw[section];
      if (cfg === undefined || cfg === null) continue;
      if (!isMap(cfg)) { this.problem('(program)', section, `'${section}' must be a mapping`); continue; }
      for (const [name, decl] of Object.entries(cfg)) this.parseConfig(name, decl);
    }
    if (raw.variables !== undefined && raw.variables !== null) {
      if (!isMap(raw.variables)) this.problem('(program)', 'variables', "'variables' must be a mapping");
      else {
        for (const [name, value] of Object.entries(raw.variables)) {
          const where = `variables.${name}`;
          const probs = [];
          const node = parseExpr(value, '', probs);
          for (const p of probs) this.problem(where, p.path, p.message);
          this.variables.set(name, { name, node });
        }
      }
    }
    if (raw.resources !== undefined && raw.resources !== null) {
      if (!isMap(raw.resources)) this.problem('(program)', 'resources', "'resources' must be a mapping");
      else for (const [name, decl] of Object.entries(raw.resources)) this.parseResource(name, decl);
    }
    if (raw.outputs !== undefined && raw.outputs !== null) {
      if (!isMap(raw.outputs)) this.problem('(program)', 'outputs', "'outputs' must be a mapping");
      else {
        for (const [name, value] of Object.entries(raw.outputs)) {
          const probs = [];
          const node = parseExpr(value, '', probs);
          for (const p of probs) this.problem(`outputs.${name}`, p.path, p.message);
          this.outputs.set(name, node);
        }
      }
    }
    this.checkNames();
    this.checkReferences();
    this.checkCycles();
  }

  parseConfig(name, decl) {
    const where = `config.${name}`;
    const report = (p, m) => this.problem(where, p, m);
    if (isMap(decl)) {
      for (const k of Object.keys(decl)) if (!CONFIG_KEYS.has(k)) report(k, `unknown config key '${k}' (allowed: ${[...CONFIG_KEYS].join(', ')})`);
      if (decl.secret !== undefined && typeof decl.secret !== 'boolean') report('secret', 'secret must be true or false');
    }
    const tsType = configTsType(decl, report);
    if (isMap(decl)) {
      for (const k of ['default', 'value']) {
        if (decl[k] !== undefined && decl[k] !== null && !literalFits(tsType, decl[k])) {
          report(k, `${k} ${JSON.stringify(decl[k])} does not match the declared type '${decl.type}'`);
        }
      }
    }
    this.config.set(name, { name, tsType, secret: isMap(decl) && decl.secret === true });
  }

  parseResource(name, decl) {
    const report = (p, m) => this.problem(name, p, m);
    const res = {
      name, token: null, props: null, options: {}, optionNodes: {}, get: null, index: this.resources.size, entry: null,
    };
    this.resources.set(name, res);
    if (!isMap(decl)) { report('', 'a resource must be a mapping with at least `type`'); return; }
    for (const k of Object.keys(decl)) {
      if (!RESOURCE_KEYS.has(k)) report(k, `unknown resource key '${k}' (allowed: ${[...RESOURCE_KEYS].join(', ')})`);
    }
    if (typeof decl.type !== 'string' || !decl.type) report('type', 'missing resource `type`');
    else res.token = decl.type;
    if (decl.name !== undefined && typeof decl.name !== 'string') report('name', 'name must be a string');
    if (decl.defaultProvider !== undefined) {
      if (typeof decl.defaultProvider !== 'boolean') report('defaultProvider', 'defaultProvider must be true or false');
      if (res.token && !res.token.startsWith('pulumi:providers:')) report('defaultProvider', 'defaultProvider is only valid on provider resources');
    }
    const probs = [];
    if (decl.properties !== undefined && decl.properties !== null) {
      if (!isMap(decl.properties)) report('properties', 'properties must be a mapping');
      else {
        res.props = parseExpr(decl.properties, '', probs);
        if (res.props.k !== 'obj') { report('properties', 'properties must be a plain mapping'); res.props = null; }
      }
    }
    if (decl.get !== undefined && decl.get !== null) {
      if (decl.properties !== undefined) report('get', '`get` and `properties` are mutually exclusive');
      if (!isMap(decl.get)) report('get', 'get must be a mapping {id, state}');
      else {
        for (const k of Object.keys(decl.get)) if (k !== 'id' && k !== 'state') report(`get.${k}`, `unknown get key '${k}' (allowed: id, state)`);
        if (decl.get.id === undefined) report('get.id', 'get needs an `id`');
        const id = parseExpr(decl.get.id, 'get.id', probs);
        let state = null;
        if (decl.get.state !== undefined) {
          if (!isMap(decl.get.state)) report('get.state', 'get.state must be a mapping');
          else state = parseExpr(decl.get.state, 'get.state', probs);
        }
        res.get = { id, state };
      }
    }
    if (decl.options !== undefined && decl.options !== null) {
      if (!isMap(decl.options)) report('options', 'options must be a mapping');
      else this.parseOptions(res, decl.options, probs);
    }
    for (const p of probs) report(p.path, p.message);
  }

  parseOptions(res, options, probs) {
    const report = (p, m) => this.problem(res.name, p, m);
    for (const [key, value] of Object.entries(options)) {
      const p = `options.${key}`;
      if (!OPTION_KEYS.has(key)) { report(p, `unknown resource option '${key}'`); continue; }
      res.options[key] = value;
      if (STRING_LIST_OPTIONS.has(key)) {
        if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) report(p, `${key} must be a list of strings`);
      } else if (BOOL_OPTIONS.has(key)) {
        if (typeof value !== 'boolean') report(p, `${key} must be true or false`);
      } else if (STRING_OPTIONS.has(key)) {
        if (typeof value !== 'string') report(p, `${key} must be a string`);
      } else if (key === 'customTimeouts') {
        if (!isMap(value)) report(p, 'customTimeouts must be a mapping {create, update, delete}');
        else {
          for (const [k, v] of Object.entries(value)) {
            if (!['create', 'update', 'delete'].includes(k)) report(`${p}.${k}`, `unknown customTimeouts key '${k}' (allowed: create, update, delete)`);
            else if (typeof v !== 'string') report(`${p}.${k}`, 'a timeout must be a duration string such as "30m"');
          }
        }
      } else if (key === 'protect') {
        res.optionNodes.protect = parseExpr(value, p, probs);
      } else if (RESOURCE_REF_OPTIONS.has(key)) {
        res.optionNodes[key] = this.resourceRefOption(res, value, p);
      } else if (key === 'dependsOn') {
        const list = Array.isArray(value) ? value : [value];
        res.optionNodes.dependsOn = list.map((v, i) => this.resourceRefOption(res, v, Array.isArray(value) ? `${p}[${i}]` : p));
      } else if (key === 'providers') {
        if (Array.isArray(value)) res.optionNodes.providers = { list: value.map((v, i) => this.resourceRefOption(res, v, `${p}[${i}]`)) };
        else if (isMap(value)) res.optionNodes.providers = { map: Object.entries(value).map(([k, v]) => [k, this.resourceRefOption(res, v, joinPath(p, k))]) };
        else report(p, 'providers must be a list or a mapping of provider references');
      }
    }
  }

  /** An option value that must be `${resourceName}`; returns the target name or null. */
  resourceRefOption(res, value, p) {
    const probs = [];
    const node = parseExpr(value, p, probs);
    for (const x of probs) this.problem(res.name, x.path, x.message);
    if (node.k !== 'ref' || node.ref.path.length !== 0) {
      this.problem(res.name, p, `must be a reference to a resource, written \${name} (got ${JSON.stringify(value)})`);
      return null;
    }
    return { name: node.ref.root, path: p };
  }

  checkNames() {
    const seen = new Map();
    const add = (name, kind) => {
      if (seen.has(name)) this.problem(`${kind}.${name}`.replace(/^resources\./, ''), '', `name '${name}' is declared both as ${seen.get(name)} and as ${kind}; config, variables and resources share one namespace`);
      else seen.set(name, kind);
    };
    for (const n of this.config.keys()) add(n, 'config');
    for (const n of this.variables.keys()) add(n, 'variables');
    for (const n of this.resources.keys()) add(n, 'resources');
  }

  /** What a reference root names: {kind: 'resource'|'variable'|'config'|'pulumi', name} or null. */
  lookup(root) {
    if (this.resources.has(root)) return { kind: 'resource', name: root };
    if (this.variables.has(root)) return { kind: 'variable', name: root };
    if (this.config.has(root)) return { kind: 'config', name: root };
    if (root === 'pulumi') return { kind: 'pulumi', name: root };
    // `${project:key}` for a key declared without namespace, and `${key}` for `project:key`
    const colon = root.indexOf(':');
    if (colon > 0 && this.name && root.slice(0, colon) === this.name && this.config.has(root.slice(colon + 1))) {
      return { kind: 'config', name: root.slice(colon + 1) };
    }
    if (this.name && this.config.has(`${this.name}:${root}`)) return { kind: 'config', name: `${this.name}:${root}` };
    return null;
  }

  checkRef(where, path, ref) {
    const target = this.lookup(ref.root);
    if (!target) {
      this.problem(where, path, `reference \${${ref.text}} names no resource, variable or config entry '${ref.root}'`);
      return;
    }
    if (target.kind === 'pulumi') {
      const first = ref.path[0];
      if (!first || first.t !== 'prop' || !PULUMI_BUILTINS.has(first.name) || ref.path.length > 1) {
        this.problem(where, path, `\${${ref.text}}: the builtin 'pulumi' variable has only ${[...PULUMI_BUILTINS].join(', ')}`);
      }
    }
  }

  /** Walks an expression checking each reference; `pathOf` gives paths of nested nodes. */
  checkExprRefs(where, basePath, node) {
    const walk = (n, p) => {
      if (!n) return;
      switch (n.k) {
        case 'ref': this.checkRef(where, p, n.ref); break;
        case 'interp': for (const part of n.parts) if (typeof part !== 'string') this.checkRef(where, p, part); break;
        case 'list': n.items.forEach((it, i) => walk(it, joinPath(p, i))); break;
        case 'obj': for (const [k, v] of n.entries) walk(v, joinPath(p, k)); break;
        case 'fn': {
          const fp = n.path || p;
          if (n.name === 'invoke') {
            if (n.args) walk(n.args, joinPath(fp, 'arguments'));
            if (n.options) {
              for (const [k, v] of Object.entries(n.options)) {
                const op = joinPath(joinPath(fp, 'options'), k);
                walk(v, op);
                if (['provider', 'parent'].includes(k) && !(v.k === 'ref' && v.ref.path.length === 0 && this.resources.has(v.ref.root))) {
                  this.problem(where, op, 'must be a reference to a resource, written ${name}');
                }
              }
            }
          } else {
            for (const key of ['value', 'delim', 'items', 'source', 'index', 'list']) walk(n[key], p);
          }
          break;
        }
        default: break;
      }
    };
    walk(node, basePath);
  }

  checkReferences() {
    for (const [name, v] of this.variables) this.checkExprRefs(`variables.${name}`, '', v.node);
    for (const [name, node] of this.outputs) this.checkExprRefs(`outputs.${name}`, '', node);
    for (const res of this.resources.values()) {
      if (res.props) this.checkExprRefs(res.name, '', res.props);
      if (res.get) {
        this.checkExprRefs(res.name, 'get.id', res.get.id);
        if (res.get.state) this.checkExprRefs(res.name, 'get.state', res.get.state);
      }
      if (res.optionNodes.protect) this.checkExprRefs(res.name, 'options.protect', res.optionNodes.protect);
      const targets = [];
      for (const key of ['provider', 'parent', 'deletedWith']) if (res.optionNodes[key]) targets.push(res.optionNodes[key]);
      for (const t of res.optionNodes.dependsOn || []) if (t) targets.push(t);
      const pv = res.optionNodes.providers;
      if (pv) for (const t of pv.list || (pv.map || []).map((e) => e[1])) if (t) targets.push(t);
      for (const t of targets) {
        if (!this.resources.has(t.name)) this.problem(res.name, t.path, `\${${t.name}} names no resource`);
        else if (t.name === res.name) this.problem(res.name, t.path, 'a resource cannot refer to itself');
      }
    }
  }

  /** Names that an expression depends on (resources and variables). */
  static dependencies(node) {
    const out = new Set();
    forEachRef(node, (r) => out.add(r.root));
    return out;
  }

  checkCycles() {
    // graph over variables and resources
    const deps = new Map();
    for (const [name, v] of this.variables) deps.set(name, Program.dependencies(v.node));
    for (const res of this.resources.values()) {
      const d = new Set();
      for (const n of [res.props, res.get && res.get.id, res.get && res.get.state, res.optionNodes.protect]) for (const x of Program.dependencies(n)) d.add(x);
      for (const key of ['provider', 'parent', 'deletedWith']) if (res.optionNodes[key]) d.add(res.optionNodes[key].name);
      for (const t of res.optionNodes.dependsOn || []) if (t) d.add(t.name);
      const pv = res.optionNodes.providers;
      if (pv) for (const t of pv.list || (pv.map || []).map((e) => e[1])) if (t) d.add(t.name);
      if (!deps.has(res.name)) deps.set(res.name, d);
    }
    const state = new Map(); // 1 visiting, 2 done
    const stack = [];
    const reported = new Set();
    const visit = (n) => {
      if (state.get(n) === 2) return;
      if (state.get(n) === 1) {
        const cycle = stack.slice(stack.indexOf(n));
        const key = [...cycle].sort().join(',');
        if (!reported.has(key)) {
          reported.add(key);
          const where = this.resources.has(n) ? n : `variables.${n}`;
          this.problem(where, '', `dependency cycle: ${[...cycle, n].join(' -> ')}`);
        }
        return;
      }
      state.set(n, 1);
      stack.push(n);
      for (const d of deps.get(n) || []) if (deps.has(d)) visit(d);
      stack.pop();
      state.set(n, 2);
    };
    for (const n of deps.keys()) visit(n);
    this.cyclic = reported.size > 0;
  }
}

module.exports = { Program, loadYaml, InputError, OPTION_KEYS };
