'use strict';
// The Harbor provider (pulumiverse) has no SDK in the registries we reach, so its resources
// are checked against its published Pulumi package schema. The schema is read at run time
// and turned into TypeScript declarations shaped like a generated Pulumi Node.js SDK, so the
// same compiler pass that checks aws/kubernetes/random/tls also checks `harbor:` properties,
// references to Harbor outputs and Harbor invokes.

const fs = require('fs');
const path = require('path');
const { joinPath } = require('./expr');
const { suggestTokens } = require('./sdk');

class SchemaError extends Error {}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const RESERVED_OUTPUTS = new Set(['id', 'urn']);

function propKey(name) {
  return IDENT.test(name) ? name : JSON.stringify(name);
}

/** TypeScript name for the member part of a token (`harbor:index/project:Project` → `Project`). */
function tsName(token) {
  const [, mod, member] = token.split(':');
  const module = (mod || 'index').split('/')[0];
  const base = member.replace(/[^A-Za-z0-9_$]/g, '_');
  return module === 'index' ? base : `${module.replace(/[^A-Za-z0-9_$]/g, '_')}_${base}`;
}

function upperFirst(s) { return s.charAt(0).toUpperCase() + s.slice(1); }

class HarborSchema {
  /**
   * @param {string} file path of schema-<version>.json
   */
  constructor(file) {
    let text;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw new SchemaError(`cannot read the Harbor provider schema at ${file}: ${e.code || e.message} (pass --harbor-schema PATH)`);
    }
    try {
      this.schema = JSON.parse(text);
    } catch (e) {
      throw new SchemaError(`the Harbor provider schema at ${file} is not valid JSON: ${e.message}`);
    }
    if (!this.schema || this.schema.name !== 'harbor' || typeof this.schema.resources !== 'object') {
      throw new SchemaError(`${file} is not the Pulumi schema of the harbor package`);
    }
    this.file = file;
    const m = /schema-(\d+\.\d+\.\d+[^/\\]*)\.json$/.exec(file);
    this.version = this.schema.version || (m ? m[1] : null);
    this.resources = this.schema.resources || {};
    this.functions = {};
    for (const [token, spec] of Object.entries(this.schema.functions || {})) {
      if (!token.startsWith('pulumi:providers:')) this.functions[token] = spec; // provider methods are not invokes
    }
    this.types = this.schema.types || {};
    this.provider = this.schema.provider || {};
  }

  hasResource(token) {
    return token === 'pulumi:providers:harbor' || Object.prototype.hasOwnProperty.call(this.resources, token);
  }

  hasFunction(token) {
    return Object.prototype.hasOwnProperty.call(this.functions, token);
  }

  /** Schema of a resource token (the provider included): {inputProperties, requiredInputs, properties, required}. */
  resourceSpec(token) {
    return token === 'pulumi:providers:harbor' ? this.provider : this.resources[token];
  }

  suggest(token, isFunction) {
    return suggestTokens(token, Object.keys(isFunction ? this.functions : this.resources));
  }

  /** TS expression of the class for a resource token, relative to the module alias. */
  className(token) {
    return token === 'pulumi:providers:harbor' ? 'Provider' : tsName(token);
  }

  functionName(token) {
    return `${tsName(token)}Output`;
  }

  // ---- TypeScript generation --------------------------------------------------------

  refType(ref, flavor) {
    if (ref.startsWith('#/types/')) {
      const token = decodeURIComponent(ref.slice('#/types/'.length));
      const t = this.types[token];
      if (!t) return 'any';
      if (Array.isArray(t.enum)) return `enums.${tsName(token)}`;
      return `${flavor === 'in' ? 'inputs' : 'outputs'}.${tsName(token)}`;
    }
    if (ref.startsWith('#/resources/')) {
      const token = decodeURIComponent(ref.slice('#/resources/'.length));
      return token === 'pulumi:providers:harbor' ? 'Provider' : this.resources[token] ? tsName(token) : 'pulumi.Resource';
    }
    switch (ref) {
      case 'pulumi.json#/Archive': return 'pulumi.asset.Archive';
      case 'pulumi.json#/Asset': return 'pulumi.asset.Asset | pulumi.asset.Archive';
      case 'pulumi.json#/Any':
      case 'pulumi.json#/Json':
      default: return 'any';
    }
  }

  /** TypeScript type of a schema type spec. flavor 'in' wraps every level in pulumi.Input. */
  typeOf(spec, flavor) {
    if (!spec || typeof spec !== 'object') return 'any';
    const wrap = (t) => (flavor === 'in' ? `pulumi.Input<${t}>` : t);
    if (spec.$ref) {
      const t = this.refType(spec.$ref, flavor);
      return t === 'any' ? 'any' : wrap(t);
    }
    if (Array.isArray(spec.oneOf)) return spec.oneOf.map((s) => this.typeOf(s, flavor)).join(' | ');
    switch (spec.type) {
      case 'string': return wrap('string');
      case 'integer':
      case 'number': return wrap('number');
      case 'boolean': return wrap('boolean');
      case 'array': return wrap(`${this.typeOf(spec.items, flavor)}[]`);
      case 'object':
        return wrap(`{[key: string]: ${spec.additionalProperties ? this.typeOf(spec.additionalProperties, flavor) : 'any'}}`);
      default: return 'any';
    }
  }

  /** Members of an object type. */
  members(properties, required, flavor, readonly, indent) {
    const req = new Set(required || []);
    const lines = [];
    for (const [name, spec] of Object.entries(properties || {})) {
      const opt = req.has(name) ? '' : '?';
      lines.push(`${indent}${readonly ? 'readonly ' : ''}${propKey(name)}${opt}: ${this.typeOf(spec, flavor)};`);
    }
    return lines;
  }

  /** Source text of a TypeScript module declaring the Harbor SDK surface. */
  toTypeScript() {
    const L = [];
    L.push('// Generated at run time from the Harbor provider schema; not committed.');
    L.push('import * as pulumi from "@pulumi/pulumi";');
    L.push('export namespace enums {');
    for (const [token, t] of Object.entries(this.types)) {
      if (!Array.isArray(t.enum)) continue;
      const values = t.enum.map((e) => JSON.stringify(e.value)).join(' | ') || 'never';
      L.push(`  export type ${tsName(token)} = ${values};`);
    }
    L.push('}');
    for (const flavor of ['in', 'out']) {
      L.push(`export namespace ${flavor === 'in' ? 'inputs' : 'outputs'} {`);
      for (const [token, t] of Object.entries(this.types)) {
        if (Array.isArray(t.enum)) continue;
        L.push(`  export interface ${tsName(token)} {`);
        L.push(...this.members(t.properties, t.required, flavor, false, '    '));
        L.push('  }');
      }
      L.push('}');
    }
    const resourceClass = (name, token, spec, base, optsType) => {
      const hasRequired = (spec.requiredInputs || []).length > 0;
      L.push(`export declare class ${name} extends ${base} {`);
      L.push(`  static readonly __pulumiType: ${JSON.stringify(token)};`);
      const req = new Set(spec.required || []);
      for (const [p, ps] of Object.entries(spec.properties || {})) {
        if (RESERVED_OUTPUTS.has(p)) continue;
        const t = this.typeOf(ps, 'out');
        L.push(`  readonly ${propKey(p)}: pulumi.Output<${t}${req.has(p) ? '' : ' | undefined'}>;`);
      }
      L.push(`  constructor(name: string, args${hasRequired ? '' : '?'}: ${name}Args, opts?: ${optsType});`);
      if (token !== 'pulumi:providers:harbor') {
        L.push(`  static get(name: string, id: pulumi.Input<pulumi.ID>, state?: ${name}State, opts?: pulumi.CustomResourceOptions): ${name};`);
      }
      L.push('}');
      L.push(`export interface ${name}Args {`);
      L.push(...this.members(spec.inputProperties, spec.requiredInputs, 'in', false, '  '));
      L.push('}');
      if (token !== 'pulumi:providers:harbor') {
        L.push(`export interface ${name}State {`);
        L.push(...this.members((spec.stateInputs || {}).properties, [], 'in', false, '  '));
        L.push('}');
      }
    };
    resourceClass('Provider', 'pulumi:providers:harbor', this.provider, 'pulumi.ProviderResource', 'pulumi.ResourceOptions');
    for (const [token, spec] of Object.entries(this.resources)) {
      resourceClass(tsName(token), token, spec, 'pulumi.CustomResource', 'pulumi.CustomResourceOptions');
    }
    for (const [token, spec] of Object.entries(this.functions)) {
      const base = upperFirst(tsName(token));
      const inputs = spec.inputs || {};
      const hasRequired = (inputs.required || []).length > 0;
      L.push(`export interface ${base}OutputArgs {`);
      L.push(...this.members(inputs.properties, inputs.required, 'in', false, '  '));
      L.push('}');
      L.push(`export interface ${base}Result {`);
      const outs = spec.outputs || {};
      L.push(...this.members(outs.properties, outs.required, 'out', true, '  '));
      L.push('}');
      L.push(`export declare function ${tsName(token)}Output(args${hasRequired ? '' : '?'}: ${base}OutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<${base}Result>;`);
    }
    return `${L.join('\n')}\n`;
  }

  // ---- direct schema checks on literal values -----------------------------------------

  /**
   * Checks what the TypeScript types cannot express: required inputs (also checked by tsc,
   * reported here the way an SDK constructor would), integer-typed properties given a
   * non-integer literal, and enum values.
   * @param {object} spec     schema of the resource/function inputs: {properties, required}
   * @param {object} node     expression AST (obj node) of the given properties
   * @param {(path: string, message: string) => void} report
   */
  checkLiterals(properties, required, node, basePath, report) {
    const given = new Map(node && node.k === 'obj' ? node.entries : []);
    for (const r of required || []) {
      if (!given.has(r) || given.get(r).k === 'null') report(joinPath(basePath, r), `Missing required property '${r}'`);
    }
    for (const [key, value] of given) {
      const spec = (properties || {})[key];
      if (spec) this.checkValue(spec, value, joinPath(basePath, key), report);
    }
  }

  checkValue(spec, node, p, report) {
    if (!spec || !node) return;
    if (spec.$ref && spec.$ref.startsWith('#/types/')) {
      const t = this.types[decodeURIComponent(spec.$ref.slice('#/types/'.length))];
      if (!t) return;
      if (Array.isArray(t.enum)) {
        if (node.k === 'lit' && !t.enum.some((e) => e.value === node.v)) {
          report(p, `value ${JSON.stringify(node.v)} is not one of ${t.enum.map((e) => JSON.stringify(e.value)).join(', ')}`);
        }
        return;
      }
      if (node.k === 'obj') this.checkLiterals(t.properties, t.required, node, p, report);
      return;
    }
    if (spec.type === 'integer' && node.k === 'lit' && typeof node.v === 'number' && !Number.isInteger(node.v)) {
      report(p, `expected an integer, got ${node.v}`);
    }
    if (spec.type === 'array' && node.k === 'list') node.items.forEach((it, i) => this.checkValue(spec.items, it, `${p}[${i}]`, report));
    if (spec.type === 'object' && spec.additionalProperties && node.k === 'obj') {
      for (const [k, v] of node.entries) this.checkValue(spec.additionalProperties, v, joinPath(p, k), report);
    }
  }
}

/** Default schema location: `<parent of the repo>/shared/fixtures/pulumi-harbor/schema-3.10.21.json`. */
function defaultSchemaPath() {
  return path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'pulumi-harbor', 'schema-3.10.21.json');
}

module.exports = { HarborSchema, SchemaError, defaultSchemaPath, tsName };
