#!/usr/bin/env node
'use strict';
// Conformance gate for synthesized Pulumi YAML programs.
//
//   node tests/conformance/gate.js [--harbor-schema PATH] [--emit-ts DIR] [--timings] FILE.yaml [FILE2.yaml ...]
//
// Problems go to stderr, one a line: `<file>: <logicalName>: <property.path>: <message>`.
// A summary goes to stdout. Exit 0: no problem; 1: problems; 2: usage, IO, parse or setup error.

const { checkFiles, InputError, FatalError } = require('./lib/check');

const USAGE = `usage: node gate.js [--harbor-schema PATH] [--emit-ts DIR] [--timings] FILE.yaml [FILE2.yaml ...]

Checks Pulumi YAML programs against @pulumi/aws, @pulumi/kubernetes, @pulumi/random and
@pulumi/tls (their pinned SDKs) and against the Harbor provider schema.

  --harbor-schema PATH  Harbor provider schema (default: <repo parent>/shared/fixtures/pulumi-harbor/schema-3.10.21.json)
  --emit-ts DIR         also write the generated TypeScript to DIR (for debugging)
  --timings             print phase timings to stderr
`;

function parseArgs(argv) {
  const opts = { files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--harbor-schema') opts.harborSchema = value();
    else if (a.startsWith('--harbor-schema=')) opts.harborSchema = a.slice('--harbor-schema='.length);
    else if (a === '--emit-ts') opts.emitTs = value();
    else if (a === '--timings') opts.timings = true;
    else if (a === '-h' || a === '--help') opts.help = true;
    else if (a === '--') opts.files.push(...argv.slice(i + 1)), (i = argv.length);
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else opts.files.push(a);
  }
  return opts;
}

async function main(argv) {
  let opts;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`gate: ${e.message}\n${USAGE}`);
    return 2;
  }
  if (opts.help) { process.stdout.write(USAGE); return 0; }
  if (opts.files.length === 0) { process.stderr.write(`gate: no input files\n${USAGE}`); return 2; }
  let result;
  try {
    result = await checkFiles(opts.files, {
      harborSchema: opts.harborSchema,
      emitTs: opts.emitTs,
      log: opts.timings ? (s) => process.stderr.write(`gate: ${s}\n`) : undefined,
    });
  } catch (e) {
    if (e instanceof InputError) {
      for (const line of e.lines || [e.message]) process.stderr.write(`${line}\n`);
      process.stderr.write('gate: input error, nothing checked\n');
      return 2;
    }
    if (e instanceof FatalError) {
      process.stderr.write(`gate: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  for (const w of result.warnings) process.stderr.write(`warning: ${w.file}: ${w.where}: ${w.path || '-'}: ${w.message}\n`);
  for (const p of result.problems) process.stderr.write(`${p.file}: ${p.where}: ${p.path || '-'}: ${p.message}\n`);
  if (opts.timings) process.stderr.write(`gate: timings ${JSON.stringify(result.timings)}\n`);
  process.stdout.write(`conformance: ${result.programs} programs, ${result.resources} resources checked, ${result.problems.length} problems\n`);
  return result.problems.length ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (e) => { process.stderr.write(`gate: internal error: ${e && e.stack ? e.stack : e}\n`); process.exitCode = 2; },
  );
}

module.exports = { main, parseArgs };
