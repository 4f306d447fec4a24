'use strict';
// The conformance gate: structure → token resolution → one TypeScript compile → mock construction.

const fs = require('fs');
const path = require('path');
const { Program, loadYaml, InputError } = require('./program');
const { SdkIndex } = require('./sdk');
const { HarborSchema, SchemaError, defaultSchemaPath } = require('./harbor');
const { TsGenerator } = require('./tsgen');
const { typeCheck } = require('./tscheck');
const { runMocks } = require('./mockrun');
const { forEachInvoke, joinPath } = require('./expr');

// Types an SDK defines but the Pulumi YAML language host refuses (pulumi-yaml, pkg/pulumiyaml/packages.go).
const YAML_UNSUPPORTED = new Map([
  ['kubernetes:apiextensions.k8s.io:CustomResource', 'not supported in YAML; declare the object through kubernetes:yaml/v2:ConfigGroup (objs)'],
]);

const TOOL_DIR = path.resolve(__dirname, '..');

class FatalError extends Error {}

const STACK_REFERENCE = {
  source: 'sdk', token: 'pulumi:pulumi:StackReference', pkg: 'pulumi', module: '@pulumi/pulumi', exportName: 'StackReference', kind: 'custom', localOnly: false, dynamicType: false, builtin: true,
};

function packageOf(token) {
  const parts = token.split(':');
  if (parts[0] === 'pulumi' && parts[1] === 'providers') return parts[2];
  return parts[0];
}

function usesHarbor(programs) {
  for (const prog of programs) {
    for (const res of prog.resources.values()) if (res.token && packageOf(res.token) === 'harbor') return true;
    let found = false;
    const visit = (n) => forEachInvoke(n, (inv) => { if (packageOf(inv.token) === 'harbor') found = true; });
    for (const v of prog.variables.values()) visit(v.node);
    for (const o of prog.outputs.values()) visit(o);
    for (const res of prog.resources.values()) { visit(res.props); if (res.get) { visit(res.get.id); visit(res.get.state); } }
    if (found) return true;
  }
  return false;
}

/**
 * Checks Pulumi YAML programs.
 * @param {string[]} files
 * @param {{harborSchema?: string, emitTs?: string, log?: (s: string) => void}} [options]
 * @returns {Promise<{programs: number, resources: number, problems: object[], warnings: object[], timings: object}>}
 *   problems: {file, where, path, message}
 * @throws {InputError|FatalError} for unreadable/unparsable input or a missing Harbor schema
 */
async function checkFiles(files, options = {}) {
  const log = options.log || (() => {});
  const t0 = Date.now();
  const timings = {};
  const inputErrors = [];
  const programs = [];
  files.forEach((file) => {
    try {
      programs.push(new Program(file, programs.length, loadYaml(file)));
    } catch (e) {
      if (e instanceof InputError) inputErrors.push(`${file}: ${e.message}`);
      else throw e;
    }
  });
  if (inputErrors.length) {
    const err = new InputError(inputErrors.join('\n'));
    err.lines = inputErrors;
    throw err;
  }

  let harbor = null;
  if (usesHarbor(programs)) {
    const schemaPath = options.harborSchema || defaultSchemaPath();
    try {
      harbor = new HarborSchema(schemaPath);
    } catch (e) {
      if (e instanceof SchemaError) throw new FatalError(`${e.message}; it is needed for the harbor: resources of ${programs.filter((p) => usesHarbor([p])).map((p) => p.file).join(', ')}`);
      throw e;
    }
  }

  const sdk = new SdkIndex(path.join(TOOL_DIR, 'node_modules'));
  timings.index = Date.now() - t0;

  const problems = [];
  const warnings = [];
  const report = (prog, where, p, message, source) => problems.push({ prog, where, path: p, message, source: source || 'structure' });
  for (const prog of programs) for (const p of prog.problems) report(prog, p.where, p.path, p.message, p.source);

  // ---- resolve resource tokens ----
  for (const prog of programs) {
    for (const res of prog.resources.values()) {
      if (!res.token) continue;
      res.entry = resolveResource(prog, res, sdk, harbor, report, warnings);
    }
  }
  // ---- resolve invoke functions (once per AST node) ----
  const invokeCache = new WeakMap();
  const resolveInvokeNode = (prog, where, node) => {
    if (invokeCache.has(node)) return invokeCache.get(node);
    const fn = resolveFunction(prog, where, node, sdk, harbor, report, warnings);
    invokeCache.set(node, fn);
    return fn;
  };
  for (const prog of programs) {
    for (const [name, v] of prog.variables) forEachInvoke(v.node, (n) => resolveInvokeNode(prog, `variables.${name}`, n));
    for (const [name, o] of prog.outputs) forEachInvoke(o, (n) => resolveInvokeNode(prog, `outputs.${name}`, n));
    for (const res of prog.resources.values()) {
      forEachInvoke(res.props, (n) => resolveInvokeNode(prog, res.name, n));
      if (res.get) { forEachInvoke(res.get.id, (n) => resolveInvokeNode(prog, res.name, n)); forEachInvoke(res.get.state, (n) => resolveInvokeNode(prog, res.name, n)); }
    }
  }
  // ---- options that need the resolved types ----
  for (const prog of programs) checkOptions(prog, sdk, harbor, report);
  timings.resolve = Date.now() - t0 - timings.index;

  // ---- one TypeScript compile for all programs ----
  const t1 = Date.now();
  const gen = new TsGenerator({ sdk, harbor });
  const { text, ctxByLine } = gen.generate(programs, (prog, node) => invokeCache.get(node) || null);
  const harborText = gen.usesHarbor && harbor ? harbor.toTypeScript() : null;
  if (options.emitTs) {
    fs.mkdirSync(options.emitTs, { recursive: true });
    fs.writeFileSync(path.join(options.emitTs, 'check.ts'), text);
    if (harborText) fs.writeFileSync(path.join(options.emitTs, 'harbor.ts'), harborText);
  }
  const tsResult = typeCheck({ toolDir: TOOL_DIR, checkText: text, ctxByLine, harborText });
  for (const d of tsResult.diagnostics) {
    if (d.internal) {
      problems.push({ prog: null, file: '(conformance gate)', where: d.where, path: d.path, message: `internal: TS${d.code}: ${d.message}`, source: 'tsc' });
    } else {
      report(programs[d.program], d.where, d.path, d.message, 'tsc');
    }
  }
  timings.typecheck = Date.now() - t1;
  log(`typecheck: ${tsResult.files} files, ${timings.typecheck} ms`);

  // ---- construct under the mock runtime ----
  const t2 = Date.now();
  await runMocks({ programs, harbor, report: (prog, where, p, m) => report(prog, where, p, m, 'mock') });
  timings.mock = Date.now() - t2;
  timings.total = Date.now() - t0;

  // ---- dedupe: a construction-time report on a path that tsc already reported is the same problem ----
  const tscKeys = new Set(problems.filter((p) => p.source === 'tsc').map((p) => `${p.prog && p.prog.index}|${p.where}|${p.path}`));
  const seen = new Set();
  const final = [];
  for (const p of problems) {
    const key = `${p.prog && p.prog.index}|${p.where}|${p.path}`;
    if (p.source === 'mock' && tscKeys.has(key)) continue;
    const full = `${key}|${p.message}`;
    if (seen.has(full)) continue;
    seen.add(full);
    final.push({ file: p.file || (p.prog ? p.prog.file : '(conformance gate)'), where: p.where, path: p.path, message: p.message, progIndex: p.prog ? p.prog.index : -1 });
  }
  const order = (p) => (p.progIndex < 0 ? 1e9 : p.progIndex);
  final.sort((a, b) => order(a) - order(b));
  let resources = 0;
  for (const prog of programs) resources += prog.resources.size;
  return {
    programs: programs.length,
    resources,
    problems: final.map(({ progIndex, ...rest }) => rest),
    warnings: warnings.map((w) => ({ file: w.prog.file, where: w.where, path: w.path, message: w.message })),
    timings,
  };
}

function resolveResource(prog, res, sdk, harbor, report, warnings) {
  const token = res.token;
  const parts = token.split(':');
  if (parts.length !== 3 || parts.some((x) => !x)) {
    report(prog, res.name, 'type', `malformed type token '${token}' (expected <package>:<module>:<Type>, e.g. aws:ec2/vpc:Vpc)`);
    return null;
  }
  if (token === STACK_REFERENCE.token) return STACK_REFERENCE;
  const pkg = packageOf(token);
  if (pkg === 'harbor') {
    if (!harbor.hasResource(token)) {
      const s = harbor.suggest(token, false);
      report(prog, res.name, 'type', `unknown resource type '${token}' (not in the harbor provider schema ${harbor.version || ''})${s.length ? `; did you mean ${s.join(' or ')}?` : ''}`);
      return null;
    }
    return { source: 'harbor', token, pkg, className: harbor.className(token), kind: token.startsWith('pulumi:providers:') ? 'provider' : 'custom' };
  }
  if (!sdk.packages.has(pkg)) {
    report(prog, res.name, 'type', `unknown package '${pkg}' in type '${token}' (this gate checks aws, kubernetes, random, tls and harbor)`);
    return null;
  }
  const entry = sdk.resources.get(token);
  if (!entry) {
    const s = sdk.suggest(token, sdk.resources);
    report(prog, res.name, 'type', `unknown resource type '${token}' (not in ${sdk.packages.get(pkg).npm} ${sdk.packages.get(pkg).version})${s.length ? `; did you mean ${s.join(' or ')}?` : ''}`);
    return null;
  }
  if (YAML_UNSUPPORTED.has(token)) {
    report(prog, res.name, 'type', `Pulumi YAML cannot create '${token}': ${YAML_UNSUPPORTED.get(token)}`);
    return null;
  }
  if (entry.localOnly) {
    report(prog, res.name, 'type', `'${token}' is a Node.js-only component of ${sdk.packages.get(pkg).npm}; Pulumi YAML cannot create it`);
    return null;
  }
  const dep = sdk.deprecation(entry);
  if (dep) warnings.push({ prog, where: res.name, path: 'type', message: `'${token}' is deprecated: ${dep}` });
  return { source: 'sdk', ...entry };
}

function resolveFunction(prog, where, node, sdk, harbor, report, warnings) {
  const token = node.token;
  const p = joinPath(node.path, 'function');
  const parts = token.split(':');
  if (parts.length !== 3 || parts.some((x) => !x)) {
    report(prog, where, p, `malformed function token '${token}' (expected <package>:<module>:<function>, e.g. aws:index/getPartition:getPartition)`);
    return null;
  }
  const pkg = parts[0];
  if (pkg === 'harbor') {
    if (!harbor.hasFunction(token)) {
      const s = harbor.suggest(token, true);
      report(prog, where, p, `unknown function '${token}' (not in the harbor provider schema)${s.length ? `; did you mean ${s.join(' or ')}?` : ''}`);
      return null;
    }
    return { source: 'harbor', token, exportName: harbor.functionName(token) };
  }
  if (!sdk.packages.has(pkg)) {
    report(prog, where, p, `unknown package '${pkg}' in function '${token}'`);
    return null;
  }
  const entry = sdk.functions.get(token);
  if (!entry) {
    const s = sdk.suggest(token, sdk.functions);
    report(prog, where, p, `unknown function '${token}' (not in ${sdk.packages.get(pkg).npm} ${sdk.packages.get(pkg).version})${s.length ? `; did you mean ${s.join(' or ')}?` : ''}`);
    return null;
  }
  const dep = sdk.deprecation(entry);
  if (dep) warnings.push({ prog, where, path: p, message: `'${token}' is deprecated: ${dep}` });
  return { source: 'sdk', ...entry };
}

/** Option checks that need resolved types: provider packages and pinned plugin versions. */
function checkOptions(prog, sdk, harbor, report) {
  const versionOf = (pkg) => (pkg === 'harbor' ? harbor && harbor.version : sdk.packages.has(pkg) ? sdk.packages.get(pkg).version : null);
  for (const res of prog.resources.values()) {
    if (!res.token || !res.entry) continue;
    const pkg = packageOf(res.token);
    const isProvider = res.token.startsWith('pulumi:providers:');
    const pinned = versionOf(pkg);
    const version = res.options.version;
    if (pinned && typeof version === 'string' && version !== pinned) {
      report(prog, res.name, 'options.version', `version ${version} differs from the ${pkg} ${pinned} that this gate checked against`);
    }
    if (isProvider && pinned && version === undefined) {
      report(prog, res.name, 'options.version', `an explicit provider must pin options.version (the gate checked ${pkg} ${pinned})`);
    }
    const providerTarget = (t) => (t && prog.resources.has(t.name) ? prog.resources.get(t.name) : null);
    const on = res.optionNodes;
    if (on.provider) {
      const target = providerTarget(on.provider);
      if (target && target.token) {
        if (!target.token.startsWith('pulumi:providers:')) {
          report(prog, res.name, 'options.provider', `\${${target.name}} is a ${target.token}, not a provider resource`);
        } else if (isProvider) {
          report(prog, res.name, 'options.provider', 'a provider resource cannot have a provider option');
        } else if (packageOf(target.token) !== pkg) {
          report(prog, res.name, 'options.provider', `\${${target.name}} is a ${packageOf(target.token)} provider, but ${res.token} needs a ${pkg} provider`);
        }
      }
    }
    if (on.providers) {
      const list = on.providers.list ? on.providers.list.map((t) => [null, t]) : on.providers.map;
      for (const [key, t] of list) {
        const target = providerTarget(t);
        if (!target || !target.token) continue;
        if (!target.token.startsWith('pulumi:providers:')) report(prog, res.name, t.path, `\${${target.name}} is a ${target.token}, not a provider resource`);
        else if (key !== null && packageOf(target.token) !== key) report(prog, res.name, t.path, `key '${key}' names a ${packageOf(target.token)} provider`);
      }
    }
  }
  // invoke options: provider package
  const visit = (where, node) => forEachInvoke(node, (inv) => {
    if (!inv.options || !inv.options.provider || inv.options.provider.k !== 'ref') return;
    const target = prog.resources.get(inv.options.provider.ref.root);
    if (!target || !target.token) return;
    const pkg = inv.token.split(':')[0];
    const op = joinPath(joinPath(inv.path, 'options'), 'provider');
    if (!target.token.startsWith('pulumi:providers:')) report(prog, where, op, `\${${target.name}} is a ${target.token}, not a provider resource`);
    else if (packageOf(target.token) !== pkg) report(prog, where, op, `\${${target.name}} is a ${packageOf(target.token)} provider, but ${inv.token} needs a ${pkg} provider`);
    if (inv.options.version && inv.options.version.k === 'lit' && versionOf(pkg) && inv.options.version.v !== versionOf(pkg)) {
      report(prog, where, joinPath(joinPath(inv.path, 'options'), 'version'), `version ${inv.options.version.v} differs from the ${pkg} ${versionOf(pkg)} that this gate checked against`);
    }
  });
  for (const [name, v] of prog.variables) visit(`variables.${name}`, v.node);
  for (const [name, o] of prog.outputs) visit(`outputs.${name}`, o);
  for (const res of prog.resources.values()) visit(res.name, res.props);
}

module.exports = { checkFiles, InputError, FatalError, TOOL_DIR };
