'use strict';
// Parsing of Pulumi YAML expressions into a small AST.
//
// Node kinds:
//   {k:'lit', v}                      string / number / boolean literal
//   {k:'null'}                        YAML null
//   {k:'ref', ref}                    a whole-string `${...}` substitution
//   {k:'interp', parts}               text with `${...}`: parts are strings or refs
//   {k:'list', items}
//   {k:'obj', entries: [[key, node]]}
//   {k:'fn', name, ...}               a builtin (`fn::invoke`, `fn::join`, ...)
// A ref is {root, path: [{t:'prop', name} | {t:'index', i} | {t:'key', key}], text}.

/** Formats a property path segment onto a base path. */
function joinPath(base, key) {
  if (typeof key === 'number') return `${base}[${key}]`;
  const ident = /^[A-Za-z_$][A-Za-z0-9_$:-]*$/.test(key);
  if (ident) return base ? `${base}.${key}` : key;
  return `${base}[${JSON.stringify(key)}]`;
}

/**
 * Parses the inside of `${...}`.
 * @param {string} text
 * @returns {{root: string, path: object[], text: string}}
 */
function parseAccess(text) {
  let i = 0;
  const n = text.length;
  const fail = (msg) => { throw new Error(`invalid reference \${${text}}: ${msg}`); };
  const readQuoted = () => {
    // text[i] === '"'
    let j = i + 1;
    let out = '';
    while (j < n && text[j] !== '"') {
      if (text[j] === '\\' && j + 1 < n) { out += text[j + 1]; j += 2; } else { out += text[j]; j++; }
    }
    if (j >= n) fail('unterminated string');
    i = j + 1;
    return out;
  };
  let root;
  if (text.startsWith('["')) {
    i = 1;
    root = readQuoted();
    if (text[i] !== ']') fail('expected ]');
    i++;
  } else {
    let j = i;
    while (j < n && text[j] !== '.' && text[j] !== '[') j++;
    root = text.slice(i, j).trim();
    i = j;
  }
  if (!root) fail('empty name');
  const path = [];
  while (i < n) {
    if (text[i] === '.') {
      let j = i + 1;
      while (j < n && text[j] !== '.' && text[j] !== '[') j++;
      const name = text.slice(i + 1, j);
      if (!name) fail('empty property name');
      path.push({ t: 'prop', name });
      i = j;
    } else if (text[i] === '[') {
      i++;
      if (text[i] === '"') {
        const key = readQuoted();
        if (text[i] !== ']') fail('expected ]');
        i++;
        path.push({ t: 'key', key });
      } else {
        const m = /^\s*(\d+)\s*\]/.exec(text.slice(i));
        if (!m) fail('expected a number or a quoted key inside [ ]');
        path.push({ t: 'index', i: Number(m[1]) });
        i += m[0].length;
      }
    } else {
      fail(`unexpected character '${text[i]}'`);
    }
  }
  return { root, path, text };
}

/**
 * Splits a YAML string into literal text and references.
 * @returns {(string|object)[]}
 */
function parseInterpolation(s) {
  const parts = [];
  let buf = '';
  let i = 0;
  while (i < s.length) {
    // pulumi-yaml (ast/interpolation.go): "$$" is always one literal "$".
    if (s.startsWith('$$', i)) { buf += '$'; i += 2; continue; }
    if (s.startsWith('${', i)) {
      // find the closing brace, skipping quoted strings
      let j = i + 2;
      let inStr = false;
      while (j < s.length) {
        const c = s[j];
        if (inStr) {
          if (c === '\\') j++;
          else if (c === '"') inStr = false;
        } else if (c === '"') inStr = true;
        else if (c === '}') break;
        j++;
      }
      if (j >= s.length) throw new Error(`unterminated \${ in ${JSON.stringify(s)}`);
      if (buf) { parts.push(buf); buf = ''; }
      parts.push(parseAccess(s.slice(i + 2, j)));
      i = j + 1;
      continue;
    }
    buf += s[i];
    i++;
  }
  if (buf) parts.push(buf);
  return parts;
}

/** Canonical spelling of each builtin, by lower-case name. */
const FN_KEYS = {
  invoke: 'fn::invoke', join: 'fn::join', split: 'fn::split', select: 'fn::select', tojson: 'fn::toJSON', secret: 'fn::secret',
  tobase64: 'fn::toBase64', frombase64: 'fn::fromBase64', readfile: 'fn::readFile', fileasset: 'fn::fileAsset',
  stringasset: 'fn::stringAsset', remoteasset: 'fn::remoteAsset', filearchive: 'fn::fileArchive',
  remotearchive: 'fn::remoteArchive', assetarchive: 'fn::assetArchive',
};
const BUILTINS = new Set(Object.keys(FN_KEYS));

const INVOKE_KEYS = new Set(['function', 'arguments', 'options', 'return']);
const INVOKE_OPTION_KEYS = new Set(['dependsOn', 'parent', 'provider', 'version', 'pluginDownloadURL']);

/**
 * Parses a YAML value into an expression AST. Problems are pushed to `problems`
 * as {path, message}; the parser always returns a usable node.
 */
function parseExpr(value, path, problems) {
  if (value === null || value === undefined) return { k: 'null' };
  if (typeof value === 'string') {
    let parts;
    try {
      parts = parseInterpolation(value);
    } catch (e) {
      problems.push({ path, message: e.message });
      return { k: 'lit', v: value };
    }
    if (parts.length === 0) return { k: 'lit', v: '' };
    if (parts.length === 1 && typeof parts[0] === 'string') return { k: 'lit', v: parts[0] };
    if (parts.length === 1) return { k: 'ref', ref: parts[0] };
    return { k: 'interp', parts };
  }
  if (typeof value === 'number' || typeof value === 'boolean') return { k: 'lit', v: value };
  if (Array.isArray(value)) return { k: 'list', items: value.map((v, i) => parseExpr(v, joinPath(path, i), problems)) };
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    const fnKeys = keys.filter((key) => /^fn::/i.test(key));
    if (fnKeys.length > 0) {
      if (keys.length !== 1) {
        problems.push({ path, message: `a builtin function call must be the only key of its object (found ${keys.join(', ')})` });
      }
      const name = fnKeys[0].slice(4).toLowerCase();
      return parseBuiltin(fnKeys[0], value[fnKeys[0]], joinPath(path, FN_KEYS[name] || fnKeys[0]), problems);
    }
    return { k: 'obj', entries: keys.map((key) => [key, parseExpr(value[key], joinPath(path, key), problems)]) };
  }
  problems.push({ path, message: `unsupported YAML value of type ${typeof value}` });
  return { k: 'null' };
}

function parseBuiltin(key, arg, path, problems) {
  const name = key.slice(4).toLowerCase();
  if (!BUILTINS.has(name)) {
    problems.push({ path, message: `unknown builtin function '${key}'` });
    return { k: 'fn', name: 'unknown', key };
  }
  const bad = (msg) => { problems.push({ path, message: msg }); return { k: 'fn', name: 'unknown', key }; };
  const twoArgs = () => {
    if (!Array.isArray(arg) || arg.length !== 2) return null;
    return [parseExpr(arg[0], joinPath(path, 0), problems), parseExpr(arg[1], joinPath(path, 1), problems)];
  };
  switch (name) {
    case 'invoke': {
      if (!arg || typeof arg !== 'object' || Array.isArray(arg)) return bad('fn::invoke takes an object {function, arguments, options, return}');
      for (const k of Object.keys(arg)) {
        if (!INVOKE_KEYS.has(k)) problems.push({ path: joinPath(path, k), message: `unknown fn::invoke key '${k}' (allowed: ${[...INVOKE_KEYS].join(', ')})` });
      }
      if (typeof arg.function !== 'string' || !arg.function) return bad('fn::invoke needs a string `function` token');
      let args = null;
      if (arg.arguments !== undefined && arg.arguments !== null) {
        if (typeof arg.arguments !== 'object' || Array.isArray(arg.arguments)) {
          problems.push({ path: joinPath(path, 'arguments'), message: 'fn::invoke arguments must be an object' });
        } else {
          args = parseExpr(arg.arguments, joinPath(path, 'arguments'), problems);
          if (args.k !== 'obj') {
            problems.push({ path: joinPath(path, 'arguments'), message: 'fn::invoke arguments must be a plain object' });
            args = null;
          }
        }
      }
      let ret = null;
      if (arg.return !== undefined) {
        if (typeof arg.return !== 'string' || !arg.return) problems.push({ path: joinPath(path, 'return'), message: 'fn::invoke return must be a field name' });
        else ret = arg.return;
      }
      let options = null;
      if (arg.options !== undefined && arg.options !== null) {
        if (typeof arg.options !== 'object' || Array.isArray(arg.options)) {
          problems.push({ path: joinPath(path, 'options'), message: 'fn::invoke options must be an object' });
        } else {
          options = {};
          for (const [k, v] of Object.entries(arg.options)) {
            const p = joinPath(joinPath(path, 'options'), k);
            if (!INVOKE_OPTION_KEYS.has(k)) {
              problems.push({ path: p, message: `unknown fn::invoke option '${k}' (allowed: ${[...INVOKE_OPTION_KEYS].join(', ')})` });
              continue;
            }
            options[k] = parseExpr(v, p, problems);
          }
        }
      }
      return { k: 'fn', name: 'invoke', token: arg.function, args, ret, options, path };
    }
    case 'join': {
      const a = twoArgs();
      if (!a) return bad('fn::join takes [delimiter, [items...]]');
      return { k: 'fn', name, delim: a[0], items: a[1] };
    }
    case 'split': {
      const a = twoArgs();
      if (!a) return bad('fn::split takes [delimiter, string]');
      return { k: 'fn', name, delim: a[0], source: a[1] };
    }
    case 'select': {
      const a = twoArgs();
      if (!a) return bad('fn::select takes [index, [items...]]');
      return { k: 'fn', name, index: a[0], list: a[1] };
    }
    case 'assetarchive': {
      if (!arg || typeof arg !== 'object' || Array.isArray(arg)) return bad('fn::assetArchive takes a map of assets/archives');
      return { k: 'fn', name, value: parseExpr(arg, path, problems) };
    }
    default:
      return { k: 'fn', name, value: parseExpr(arg, path, problems) };
  }
}

/** Visits every reference in an expression. */
function forEachRef(node, fn) {
  if (!node) return;
  switch (node.k) {
    case 'ref': fn(node.ref); break;
    case 'interp': for (const p of node.parts) if (typeof p !== 'string') fn(p); break;
    case 'list': for (const it of node.items) forEachRef(it, fn); break;
    case 'obj': for (const [, v] of node.entries) forEachRef(v, fn); break;
    case 'fn':
      for (const key of ['value', 'delim', 'items', 'source', 'index', 'list', 'args']) forEachRef(node[key], fn);
      if (node.options) for (const v of Object.values(node.options)) forEachRef(v, fn);
      break;
    default: break;
  }
}

/** Visits every fn::invoke node in an expression. */
function forEachInvoke(node, fn) {
  if (!node) return;
  switch (node.k) {
    case 'list': for (const it of node.items) forEachInvoke(it, fn); break;
    case 'obj': for (const [, v] of node.entries) forEachInvoke(v, fn); break;
    case 'fn':
      if (node.name === 'invoke') fn(node);
      for (const key of ['value', 'delim', 'items', 'source', 'index', 'list', 'args']) forEachInvoke(node[key], fn);
      if (node.options) for (const v of Object.values(node.options)) forEachInvoke(v, fn);
      break;
    default: break;
  }
}

module.exports = { FN_KEYS, parseExpr, parseInterpolation, parseAccess, joinPath, forEachRef, forEachInvoke };
