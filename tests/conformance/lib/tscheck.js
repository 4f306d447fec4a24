'use strict';
// Runs the TypeScript compiler once over the generated module (and the generated Harbor
// declarations) and maps each diagnostic back to a program, a logical name and a path.

const path = require('path');
const ts = require('typescript');
const { joinPath } = require('./expr');

const COMPILER_OPTIONS = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  skipDefaultLibCheck: true,
  target: ts.ScriptTarget.ES2020,
  lib: ['lib.es2020.d.ts'],
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  types: [],
  noUnusedLocals: false,
  noErrorTruncation: false,
};

/** Flattens a diagnostic message chain, following the first branch. */
function chainOf(messageText) {
  const out = [];
  let m = messageText;
  while (m) {
    if (typeof m === 'string') { out.push(m); break; }
    out.push(m.messageText);
    m = m.next && m.next.length ? m.next[0] : null;
  }
  return out;
}

/** Shortens very long quoted type texts in a message. */
function shorten(msg) {
  return msg.replace(/'([^'\n]{120,})'/g, (all, inner) => `'${inner.slice(0, 80)}…'`);
}

/**
 * Turns a TS diagnostic chain into {path suffix, message}.
 */
function describe(chain) {
  for (const m of chain) {
    const missing = /^Property '([^']+)' is missing in type '[\s\S]*' but required in type '([^']+)'/.exec(m);
    if (missing) return { add: missing[1], message: `missing required input '${missing[1]}' (required by ${missing[2]})` };
    const many = /^Type '[\s\S]*' is missing the following properties from type '([^']+)': (.+)$/.exec(m);
    if (many) return { add: null, message: `missing required inputs ${many[2].replace(/\.$/, '')} (required by ${many[1]})` };
  }
  const noProp = /^Property '([^']+)' does not exist on type '\{[\s\S]*'\.(.*)$/.exec(chain[0]);
  if (noProp) return { add: null, message: `Property '${noProp[1]}' does not exist on the referenced value.${noProp[2]}` };
  const first = chain[0];
  const last = chain[chain.length - 1];
  let message = first;
  if (chain.length > 1 && last !== first) message = `${first} ${last}`;
  return { add: null, message: shorten(message.replace(/\s+/g, ' ').trim()) };
}

/**
 * @param {object} opts
 * @param {string} opts.toolDir   folder whose node_modules holds the SDKs
 * @param {string} opts.checkText generated TypeScript
 * @param {(object|null)[]} opts.ctxByLine context of each generated line
 * @param {string|null} opts.harborText generated Harbor declarations, when used
 * @returns {{diagnostics: {program: number|null, where: string, path: string, message: string, code: number}[], files: number}}
 */
function typeCheck({ toolDir, checkText, ctxByLine, harborText }) {
  const genDir = path.join(toolDir, '.generated');
  const checkFile = path.join(genDir, 'check.ts');
  const harborFile = path.join(genDir, 'harbor.ts');
  const virtual = new Map([[checkFile, checkText]]);
  if (harborText) virtual.set(harborFile, harborText);
  const norm = (f) => path.resolve(f);
  const host = ts.createCompilerHost(COMPILER_OPTIONS, true);
  const base = {
    fileExists: host.fileExists.bind(host),
    readFile: host.readFile.bind(host),
    getSourceFile: host.getSourceFile.bind(host),
  };
  host.fileExists = (f) => virtual.has(norm(f)) || base.fileExists(f);
  host.readFile = (f) => (virtual.has(norm(f)) ? virtual.get(norm(f)) : base.readFile(f));
  host.getSourceFile = (f, languageVersion, onError, shouldCreate) => {
    if (virtual.has(norm(f))) return ts.createSourceFile(f, virtual.get(norm(f)), languageVersion, true);
    return base.getSourceFile(f, languageVersion, onError, shouldCreate);
  };
  const baseDirExists = host.directoryExists ? host.directoryExists.bind(host) : null;
  host.directoryExists = (d) => norm(d) === genDir || (baseDirExists ? baseDirExists(d) : true);
  host.writeFile = () => {};
  host.getCurrentDirectory = () => toolDir;

  const program = ts.createProgram({ rootNames: [...virtual.keys()], options: COMPILER_OPTIONS, host });
  const out = [];
  const diags = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  for (const f of virtual.keys()) {
    const sf = program.getSourceFile(f);
    diags.push(...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf));
  }
  for (const d of diags) {
    const chain = chainOf(d.messageText);
    if (!d.file || norm(d.file.fileName) !== checkFile) {
      out.push({ program: null, where: d.file ? path.basename(d.file.fileName) : '(compiler)', path: '', message: describe(chain).message, code: d.code, internal: true });
      continue;
    }
    const { line } = d.file.getLineAndCharacterOfPosition(d.start);
    const ctx = ctxByLine[line];
    const { add, message } = describe(chain);
    if (!ctx) {
      out.push({ program: null, where: '(generated)', path: `line ${line + 1}`, message, code: d.code, internal: true });
      continue;
    }
    out.push({ program: ctx.program, where: ctx.where, path: add ? joinPath(ctx.path, add) : ctx.path, message, code: d.code });
  }
  return { diagnostics: out, files: program.getSourceFiles().length };
}

module.exports = { typeCheck, describe, chainOf };
