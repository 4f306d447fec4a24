'use strict';
// Generation of one TypeScript module that constructs every resource of every program with
// the SDK classes, so that the TypeScript compiler checks property names (excess-property
// checks on object literals), property types, required inputs, references to outputs and
// invoke arguments. Every generated line remembers which program, resource (or variable,
// output) and property path it came from, to map compiler diagnostics back.

const { joinPath, FN_KEYS } = require('./expr');

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const PRELUDE = `
// Unwraps Output/Promise at every level and drops undefined/null, so that a reference
// \${res.a.b[0]} is typed like the value Pulumi YAML would pass on.
type Plain<T> = PlainX<NonNullable<T>>;
type PlainX<T> =
  T extends pulumi.OutputInstance<infer V> ? Plain<V> :
  T extends Promise<infer V> ? Plain<V> :
  T extends readonly (infer E)[] ? Plain<E>[] :
  T extends (...args: any[]) => any ? T :
  T extends object ? { [K in keyof T]-?: Plain<T[K]> } :
  T;
declare function inv<T>(result: pulumi.Output<T>): Plain<T>;
declare function join(delimiter: string, items: string[]): string;
declare function split(delimiter: string, source: string): string[];
declare function select<T>(index: number, items: T[]): T;
declare function toJSON(value: unknown): string;
declare function b64(value: string): string;
declare function readFile(path: string): string;
declare function fileAsset(path: string): pulumi.asset.FileAsset;
declare function stringAsset(text: string): pulumi.asset.StringAsset;
declare function remoteAsset(uri: string): pulumi.asset.RemoteAsset;
declare function fileArchive(path: string): pulumi.asset.FileArchive;
declare function remoteArchive(uri: string): pulumi.asset.RemoteArchive;
declare function assetArchive(assets: { [name: string]: pulumi.asset.Asset | pulumi.asset.Archive }): pulumi.asset.AssetArchive;
declare function unchecked(...values: unknown[]): any;
declare const PULUMI: { cwd: string; project: string; stack: string; organization: string; rootDirectory: string };
`;

const FN_HELPERS = {
  tojson: 'toJSON', tobase64: 'b64', frombase64: 'b64', readfile: 'readFile',
  fileasset: 'fileAsset', stringasset: 'stringAsset', remoteasset: 'remoteAsset',
  filearchive: 'fileArchive', remotearchive: 'remoteArchive', assetarchive: 'assetArchive',
};


/** Variables whose value is substituted at the use site (so object literals keep their checks). */
function inlinable(node) {
  return node && ['lit', 'null', 'obj', 'list', 'interp'].includes(node.k);
}

function accessor(seg) {
  if (seg.t === 'prop') return IDENT.test(seg.name) ? `.${seg.name}` : `[${JSON.stringify(seg.name)}]`;
  if (seg.t === 'index') return `[${seg.i}]`;
  return `[${JSON.stringify(seg.key)}]`;
}

function templateText(s) {
  return s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')
    .replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Indents every line. */
function indent(lines, by = '  ') {
  return lines.map((l) => ({ ...l, t: by + l.t }));
}

/** Adds text before the first and after the last of some lines. */
function wrap(prefix, lines, suffix) {
  const out = lines.map((l) => ({ ...l }));
  out[0].t = prefix + out[0].t;
  out[out.length - 1].t += suffix;
  return out;
}

class TsGenerator {
  /**
   * @param {object} opts
   * @param {import('./sdk').SdkIndex} opts.sdk
   * @param {import('./harbor').HarborSchema|null} opts.harbor
   */
  constructor({ sdk, harbor }) {
    this.sdk = sdk;
    this.harbor = harbor;
    this.imports = new Map(); // module -> alias
    this.body = []; // {t, ctx}
    this.usesHarbor = false;
  }

  alias(module) {
    if (!this.imports.has(module)) this.imports.set(module, `m${this.imports.size}`);
    return this.imports.get(module);
  }

  /** TS expression of the class of a resolved resource, or null. */
  classExpr(res) {
    const e = res.entry;
    if (!e) return null;
    if (e.source === 'harbor') { this.usesHarbor = true; return `hb.${e.className}`; }
    return `${this.alias(e.module)}.${e.exportName}`;
  }

  functionExpr(fn) {
    if (!fn) return null;
    if (fn.source === 'harbor') { this.usesHarbor = true; return `hb.${fn.exportName}`; }
    return `${this.alias(fn.module)}.${fn.exportName}`;
  }

  emit(t, ctx) { this.body.push({ t, ctx }); }

  emitLines(lines, ctxBase) {
    for (const l of lines) this.emit(l.t, { ...ctxBase, path: l.p });
  }

  /**
   * @param {import('./program').Program[]} programs programs whose resources carry `entry`
   * @param {(p: object, node: object) => object|null} resolveInvoke gives the function entry of an invoke node
   */
  generate(programs, resolveInvoke) {
    this.resolveInvoke = resolveInvoke;
    for (const prog of programs) this.genProgram(prog);
    const head = ['import * as pulumi from "@pulumi/pulumi";'];
    if (this.usesHarbor) head.push('import * as hb from "./harbor";');
    for (const [module, alias] of this.imports) head.push(`import * as ${alias} from ${JSON.stringify(module)};`);
    const prelude = PRELUDE.split('\n');
    const lines = [...head, ...prelude];
    const ctxByLine = lines.map(() => null);
    for (const l of this.body) { lines.push(l.t); ctxByLine.push(l.ctx); }
    return { text: `${lines.join('\n')}\n`, ctxByLine };
  }

  genProgram(prog) {
    const P = prog.index;
    const ctx = (where) => ({ program: P, where });
    this.prog = prog;
    this.ids = { resources: new Map(), variables: new Map(), config: new Map() };
    let j = 0;
    for (const name of prog.resources.keys()) this.ids.resources.set(name, j++);
    j = 0;
    for (const name of prog.variables.keys()) this.ids.variables.set(name, j++);
    j = 0;
    for (const name of prog.config.keys()) this.ids.config.set(name, j++);

    this.emit(`namespace P${P} { // ${prog.file.replace(/[\r\n]/g, ' ')}`, null);
    for (const [name, c] of prog.config) {
      this.emit(`  declare const k${this.ids.config.get(name)}: ${c.tsType};`, { ...ctx(`config.${name}`), path: '' });
    }
    for (const res of prog.resources.values()) {
      const id = this.ids.resources.get(res.name);
      const cls = this.classExpr(res);
      const c = { ...ctx(res.name), path: 'type' };
      if (!cls) {
        this.emit(`  declare const c${id}: any; declare const r${id}: any;`, c);
      } else if (res.entry.dynamicType) {
        this.emit(`  declare const c${id}: ${cls}; declare const r${id}: any;`, c);
      } else {
        this.emit(`  declare const c${id}: ${cls}; declare const r${id}: Plain<${cls}>;`, c);
      }
    }
    for (const [name, v] of prog.variables) {
      const id = this.ids.variables.get(name);
      const base = { ...ctx(`variables.${name}`) };
      this.emit(`  function v${id}() {`, { ...base, path: '' });
      this.emitLines(indent(wrap('return ', this.ex(v.node, '', [name]), ';'), '    '), base);
      this.emit('  }', { ...base, path: '' });
    }
    for (const res of prog.resources.values()) this.genResource(res, ctx(res.name));
    for (const [name, node] of prog.outputs) {
      this.emitLines(indent(wrap('void (', this.ex(node, '', []), ');')), ctx(`outputs.${name}`));
    }
    this.emit('}', null);
  }

  genResource(res, base) {
    const cls = this.classExpr(res);
    const nameLit = JSON.stringify(res.name);
    const args = res.props ? this.ex(res.props, '', []) : [{ t: '{}', p: '' }];
    if (!cls) {
      // unknown type (already reported): still check the expressions inside
      this.emitLines(indent(wrap('void (', args, ');')), base);
      return;
    }
    const opts = this.optionLines(res);
    if (res.get) {
      const id = this.ex(res.get.id, 'get.id', []);
      const state = res.get.state ? this.ex(res.get.state, 'get.state', []) : [{ t: 'undefined', p: 'get.state' }];
      const lines = [
        ...wrap(`${cls}.get(${nameLit}, `, id, ','),
        ...wrap('', state, ','),
        ...wrap('', opts, ');'),
      ];
      this.emitLines(indent(lines), base);
      return;
    }
    const lines = [...wrap(`new ${cls}(${nameLit}, `, args, ','), ...wrap('', opts, ');')];
    this.emitLines(indent(lines), base);
  }

  /** Resource reference in options: the instance typed with its class. */
  resRef(t) {
    if (!t || !this.ids.resources.has(t.name)) return '(undefined as any)';
    return `c${this.ids.resources.get(t.name)}`;
  }

  optionLines(res) {
    const lines = [{ t: '{', p: 'options' }];
    const on = res.optionNodes;
    for (const [key, value] of Object.entries(res.options)) {
      const p = `options.${key}`;
      let t;
      if (key === 'provider' || key === 'parent' || key === 'deletedWith') t = this.resRef(on[key]);
      else if (key === 'dependsOn') t = `[${(on.dependsOn || []).map((x) => this.resRef(x)).join(', ')}]`;
      else if (key === 'providers') continue; // checked structurally; not an option of custom resources in the Node.js SDK
      else if (key === 'protect') {
        const sub = this.ex(on.protect, p, []);
        lines.push(...indent(wrap('protect: ', sub, ',')));
        continue;
      } else t = JSON.stringify(value === null ? undefined : value) || 'undefined';
      lines.push({ t: `  ${JSON.stringify(key)}: ${t},`, p });
    }
    lines.push({ t: '}', p: 'options' });
    return lines;
  }

  refExpr(ref) {
    const target = this.prog.lookup(ref.root);
    const acc = ref.path.map(accessor).join('');
    if (!target) return '(undefined as any)';
    switch (target.kind) {
      case 'resource': {
        const id = this.ids.resources.get(target.name);
        return ref.path.length === 0 ? `c${id}` : `r${id}${acc}`;
      }
      case 'variable': {
        if (this.prog.cyclic) return '(undefined as any)';
        return `v${this.ids.variables.get(target.name)}()${acc}`;
      }
      case 'config': return `k${this.ids.config.get(target.name)}${acc}`;
      case 'pulumi': return `PULUMI${acc}`;
      default: return '(undefined as any)';
    }
  }

  /**
   * Lines of TypeScript for an expression. Each line carries the property path `p` it belongs to.
   * @param {object} node expression AST
   * @param {string} p    property path of this node
   * @param {string[]} stack variables being substituted (cycle guard)
   */
  ex(node, p, stack) {
    switch (node.k) {
      case 'null': return [{ t: 'undefined', p }];
      case 'lit': return [{ t: typeof node.v === 'string' ? JSON.stringify(node.v) : String(node.v), p }];
      case 'ref': {
        const target = this.prog.lookup(node.ref.root);
        if (target && target.kind === 'variable' && node.ref.path.length === 0 && !this.prog.cyclic) {
          const v = this.prog.variables.get(target.name);
          if (inlinable(v.node) && !stack.includes(target.name)) return this.ex(v.node, p, [...stack, target.name]);
        }
        return [{ t: this.refExpr(node.ref), p }];
      }
      case 'interp': {
        const body = node.parts.map((part) => (typeof part === 'string' ? templateText(part) : `\${${this.refExpr(part)}}`)).join('');
        return [{ t: `\`${body}\``, p }];
      }
      case 'list': {
        if (node.items.length === 0) return [{ t: '[]', p }];
        const out = [{ t: '[', p }];
        node.items.forEach((it, i) => out.push(...indent(wrap('', this.ex(it, joinPath(p, i), stack), ','))));
        out.push({ t: ']', p });
        return out;
      }
      case 'obj': {
        if (node.entries.length === 0) return [{ t: '{}', p }];
        const out = [{ t: '{', p }];
        for (const [k, v] of node.entries) {
          out.push(...indent(wrap(`${JSON.stringify(k)}: `, this.ex(v, joinPath(p, k), stack), ',')));
        }
        out.push({ t: '}', p });
        return out;
      }
      case 'fn': return this.exFn(node, p, stack);
      default: return [{ t: '(undefined as any)', p }];
    }
  }

  exFn(node, p, stack) {
    const fp = joinPath(p, FN_KEYS[node.name] || node.key || 'fn');
    const call = (name, args) => {
      const out = [{ t: `${name}(`, p: fp }];
      args.forEach((a, i) => out.push(...indent(wrap('', a, i < args.length - 1 ? ',' : ''))));
      out.push({ t: ')', p: fp });
      return out;
    };
    switch (node.name) {
      case 'invoke': {
        const fn = this.resolveInvoke(this.prog, node);
        const callee = this.functionExpr(fn);
        const argsPath = joinPath(fp, 'arguments');
        const args = node.args ? this.ex(node.args, argsPath, stack) : [{ t: '{}', p: argsPath }];
        if (!callee) return wrap('unchecked(', args, ')');
        const out = [{ t: `inv(${callee}(`, p: fp }];
        out.push(...indent(wrap('', args, node.options ? ',' : '')));
        if (node.options) out.push(...indent(this.invokeOptions(node.options, joinPath(fp, 'options'), stack)));
        let close = '))';
        let closePath = fp;
        if (node.ret) {
          close += IDENT.test(node.ret) ? `.${node.ret}` : `[${JSON.stringify(node.ret)}]`;
          closePath = joinPath(fp, 'return');
        }
        out.push({ t: close, p: closePath });
        return out;
      }
      case 'join': return call('join', [this.ex(node.delim, joinPath(fp, 0), stack), this.ex(node.items, joinPath(fp, 1), stack)]);
      case 'split': return call('split', [this.ex(node.delim, joinPath(fp, 0), stack), this.ex(node.source, joinPath(fp, 1), stack)]);
      case 'select': return call('select', [this.ex(node.index, joinPath(fp, 0), stack), this.ex(node.list, joinPath(fp, 1), stack)]);
      case 'secret': return this.ex(node.value, p, stack); // a secret keeps the type of its value
      case 'unknown': return [{ t: '(undefined as any)', p }];
      default: {
        const helper = FN_HELPERS[node.name];
        if (!helper) return [{ t: '(undefined as any)', p }];
        return call(helper, [this.ex(node.value, fp, stack)]);
      }
    }
  }

  invokeOptions(options, p, stack) {
    const out = [{ t: '{', p }];
    for (const [k, v] of Object.entries(options)) {
      const kp = joinPath(p, k);
      if ((k === 'provider' || k === 'parent') && v.k === 'ref') {
        out.push({ t: `  ${k}: ${this.resRef({ name: v.ref.root })},`, p: kp });
      } else if (k === 'dependsOn') {
        const items = v.k === 'list' ? v.items : [v];
        out.push({ t: `  dependsOn: [${items.map((x) => (x.k === 'ref' ? this.resRef({ name: x.ref.root }) : '(undefined as any)')).join(', ')}],`, p: kp });
      } else {
        out.push(...indent(wrap(`${k}: `, this.ex(v, kp, stack), ',')));
      }
    }
    out.push({ t: '}', p });
    return out;
  }
}

module.exports = { TsGenerator };
