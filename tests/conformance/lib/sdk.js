'use strict';
// Index of the resource and function tokens that the pinned Node.js SDKs define.
//
// The index is built by reading the SDKs' compiled JavaScript: every resource class
// declares `static __pulumiType = '<token>'` and every function calls
// `runtime.invokeOutput("<token>", ...)`. The file a token is found in is the module that
// the generated TypeScript imports and the mock runner requires.

const fs = require('fs');
const path = require('path');

/** npm package of each Pulumi package name that has an SDK here. */
const SDK_PACKAGES = {
  aws: '@pulumi/aws',
  kubernetes: '@pulumi/kubernetes',
  random: '@pulumi/random',
  tls: '@pulumi/tls',
};

const RESOURCE_RE = /class\s+(\w+)\s+extends\s+([\w.]+)\s*\{[\s\S]*?static\s+__pulumiType\s*=\s*'([^']+)'/g;
const INVOKE_RE = /runtime\.invokeOutput\(\s*"([^"]+)"/g;

function walkJs(dir, out) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'scripts') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walkJs(p, out);
    else if (e.name.endsWith('.js')) out.push(p);
  }
}

/**
 * @typedef {object} ResourceEntry
 * @property {string} token
 * @property {string} pkg          Pulumi package name (aws, kubernetes, ...)
 * @property {string} module       importable module path, e.g. '@pulumi/aws/ec2/vpc'
 * @property {string} exportName   class name exported by that module
 * @property {'custom'|'provider'|'component'} kind
 * @property {boolean} localOnly   a Node.js-only component that Pulumi YAML cannot use
 * @property {boolean} dynamicType the class registers `kubernetes:<apiVersion>:<kind>` (CustomResource)
 * @property {string} file         absolute path of the .js file
 *
 * @typedef {object} FunctionEntry
 * @property {string} token
 * @property {string} pkg
 * @property {string} module
 * @property {string} exportName   e.g. 'getAmiOutput'
 * @property {string} file
 */

class SdkIndex {
  /** @param {string} nodeModules absolute path of the node_modules folder holding the SDKs */
  constructor(nodeModules) {
    this.nodeModules = nodeModules;
    /** @type {Map<string, ResourceEntry>} */
    this.resources = new Map();
    /** @type {Map<string, FunctionEntry>} */
    this.functions = new Map();
    /** @type {Map<string, {npm: string, version: string}>} */
    this.packages = new Map();
    for (const [pkg, npm] of Object.entries(SDK_PACKAGES)) this.scanPackage(pkg, npm);
  }

  scanPackage(pkg, npm) {
    const root = path.join(this.nodeModules, npm);
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const version = (manifest.pulumi && manifest.pulumi.version) || manifest.version;
    this.packages.set(pkg, { npm, version });
    const files = [];
    walkJs(root, files);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const rel = path.relative(root, file).replace(/\\/g, '/').replace(/\.js$/, '');
      const module = `${npm}/${rel}`;
      if (text.includes('__pulumiType')) {
        RESOURCE_RE.lastIndex = 0;
        let m;
        while ((m = RESOURCE_RE.exec(text))) {
          const [, cls, base, typeName] = m;
          let kind; let localOnly = false; let token = typeName;
          if (base === 'pulumi.ProviderResource') { kind = 'provider'; token = `pulumi:providers:${typeName}`; }
          else if (base === 'pulumi.CustomResource') kind = 'custom';
          else if (base === 'pulumi.ComponentResource') { kind = 'component'; localOnly = !/true\s*\/\*remote\*\//.test(text); }
          else { kind = 'component'; localOnly = true; }
          this.resources.set(token, { token, pkg, module, exportName: cls, kind, localOnly, dynamicType: false, file });
        }
      }
      if (text.includes('invokeOutput(')) {
        INVOKE_RE.lastIndex = 0;
        let m;
        while ((m = INVOKE_RE.exec(text))) {
          const token = m[1];
          if (this.functions.has(token)) continue;
          const member = token.split(':').pop();
          const exportName = `${member}Output`;
          if (!new RegExp(`exports\\.${exportName}\\s*=`).test(text)) continue;
          this.functions.set(token, { token, pkg, module, exportName, file });
        }
      }
    }
    if (pkg === 'kubernetes') {
      // CustomResource registers `kubernetes:<apiVersion>:<kind>` at run time; Pulumi YAML
      // spells it with these fixed tokens.
      for (const [cls, file] of [['CustomResource', 'customResource'], ['CustomResourcePatch', 'customResourcePatch']]) {
        const abs = path.join(root, 'apiextensions', `${file}.js`);
        if (fs.existsSync(abs)) {
          const token = `kubernetes:apiextensions.k8s.io:${cls}`;
          this.resources.set(token, {
            token, pkg, module: `${npm}/apiextensions/${file}`, exportName: cls, kind: 'custom', localOnly: false, dynamicType: true, file: abs,
          });
        }
      }
    }
  }

  /** Suggests known tokens: the same member under another module, or a close spelling. */
  suggest(token, map) {
    return suggestTokens(token, map.keys());
  }

  /** Returns the `@deprecated` text of an SDK class or function, if any, read from its .d.ts. */
  deprecation(entry) {
    if (entry._deprecation !== undefined) return entry._deprecation;
    let result = null;
    try {
      const dts = fs.readFileSync(entry.file.replace(/\.js$/, '.d.ts'), 'utf8');
      const name = entry.exportName;
      const re = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*export declare (?:class|function) ${name}\\b`);
      const m = re.exec(dts);
      if (m) {
        const d = /@deprecated\s+([^\n]*)/.exec(m[1]);
        if (d) result = d[1].trim() || 'deprecated';
      }
    } catch (e) {
      result = null;
    }
    entry._deprecation = result;
    return result;
  }
}

/** Edit distance, bounded: returns max+1 as soon as it is exceeded. */
function distance(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (cur[j] < best) best = cur[j];
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Known tokens close to an unknown one: first the same member name under other modules
 * (a wrong module path), else a member name within two edits in the same module.
 */
function suggestTokens(token, known) {
  const [pkg, mod, member] = token.split(':');
  const lower = (member || '').toLowerCase();
  const sameMember = [];
  const close = [];
  for (const t of known) {
    const parts = t.split(':');
    if (parts[0] !== pkg && !(pkg === 'pulumi' && parts[0] === 'pulumi')) continue;
    const m = (parts[2] || '').toLowerCase();
    if (m === lower) sameMember.push(t);
    else if ((parts[1] || '').split('/')[0] === (mod || '').split('/')[0] && distance(m, lower, 2) <= 2) close.push(t);
  }
  return (sameMember.length ? sameMember : close).slice(0, 4);
}

module.exports = { SdkIndex, SDK_PACKAGES, suggestTokens };
