'use strict';
// End-to-end tests of the gate's command line on the fixtures in ../fixtures.
//
// Each negative fixture lists the problems it must produce in comment lines:
//   # expect: <logicalName> | <property.path> | <regular expression for the message>
// The test requires exactly those problems for that file: each expectation matched by one
// reported problem, and no other problem reported for the file.

const { test, describe, before } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const TOOL_DIR = path.resolve(__dirname, '..');
const GATE = path.join(TOOL_DIR, 'gate.js');
const FIXTURES = path.join(TOOL_DIR, 'fixtures');
const VALID = path.join('fixtures', 'valid.yaml');
const INVALID_DIR = path.join(FIXTURES, 'invalid');
const INVALID = fs.readdirSync(INVALID_DIR).filter((f) => f.endsWith('.yaml')).sort().map((f) => path.join('fixtures', 'invalid', f));

function runGate(args) {
  const r = spawnSync(process.execPath, [GATE, ...args], { cwd: TOOL_DIR, encoding: 'utf8', timeout: 180000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Parses problem lines `<file>: <where>: <path>: <message>` of known files. */
function problemsByFile(stderr, files) {
  const out = new Map(files.map((f) => [f, []]));
  for (const line of stderr.split('\n')) {
    const file = files.find((f) => line.startsWith(`${f}: `));
    if (!file) continue;
    const m = /^(.*?): (.*?): (.*)$/.exec(line.slice(file.length + 2));
    assert.ok(m, `unparsable problem line: ${line}`);
    out.get(file).push({ where: m[1], path: m[2], message: m[3], line });
  }
  return out;
}

function expectationsOf(file) {
  const text = fs.readFileSync(path.join(TOOL_DIR, file), 'utf8');
  const out = [];
  for (const line of text.split('\n')) {
    const m = /^# expect: (.*?) \| (.*?) \| (.*)$/.exec(line);
    if (m) out.push({ where: m[1], path: m[2], re: new RegExp(m[3]) });
  }
  return out;
}

test('every negative fixture declares what it must produce', () => {
  assert.ok(INVALID.length >= 12, `expected at least 12 negative fixtures, found ${INVALID.length}`);
  for (const f of INVALID) assert.ok(expectationsOf(f).length > 0, `${f} has no '# expect:' line`);
});

describe('valid program', () => {
  test('passes with exit 0 and no problem lines', () => {
    const r = runGate([VALID]);
    assert.equal(r.stderr.split('\n').filter((l) => l.startsWith(VALID)).join('\n'), '');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^conformance: 1 programs, 31 resources checked, 0 problems$/m);
    assert.doesNotMatch(r.stderr, /^warning:/m);
  });
});

describe('negative fixtures (one gate run for all programs)', () => {
  let run;
  let byFile;
  before(() => {
    run = runGate([VALID, ...INVALID]);
    byFile = problemsByFile(run.stderr, [VALID, ...INVALID]);
  });

  test('the run exits 1 and counts every program', () => {
    assert.equal(run.status, 1, run.stderr);
    const total = [...byFile.values()].reduce((n, l) => n + l.length, 0);
    assert.match(run.stdout, new RegExp(`^conformance: ${INVALID.length + 1} programs, \\d+ resources checked, ${total} problems$`, 'm'));
  });

  test('problems of other programs do not leak into the valid one', () => {
    assert.deepEqual(byFile.get(VALID), []);
  });

  for (const file of INVALID) {
    test(path.basename(file, '.yaml'), () => {
      const got = [...byFile.get(file)];
      for (const exp of expectationsOf(file)) {
        const i = got.findIndex((p) => p.where === exp.where && p.path === exp.path && exp.re.test(p.message));
        assert.ok(i >= 0, `expected a problem ${exp.where}: ${exp.path}: /${exp.re.source}/\ngot:\n${got.map((p) => p.line).join('\n')}`);
        got.splice(i, 1);
      }
      assert.deepEqual(got.map((p) => p.line), [], 'unexpected extra problems');
    });
  }
});

describe('command line', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'conformance-'));

  test('no input file is a usage error (exit 2)', () => {
    const r = runGate([]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no input files/);
  });

  test('an unknown flag is a usage error (exit 2)', () => {
    const r = runGate(['--frobnicate', VALID]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown option --frobnicate/);
  });

  test('a missing file is an IO error (exit 2)', () => {
    const r = runGate([path.join(tmp, 'nope.yaml')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /nope\.yaml: cannot read: ENOENT/);
  });

  test('a YAML syntax error is a parse error (exit 2)', () => {
    const f = path.join(tmp, 'broken.yaml');
    fs.writeFileSync(f, 'name: x\nresources:\n  a:\n    type: [unclosed\n');
    const r = runGate([f]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /broken\.yaml: YAML syntax error/);
  });

  test('a program with harbor resources and no schema fails loudly (exit 2)', () => {
    const r = runGate(['--harbor-schema', path.join(tmp, 'missing-schema.json'), 'fixtures/invalid/harbor-missing-required.yaml']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cannot read the Harbor provider schema at .*missing-schema\.json/);
  });

  test('a file that is not the harbor schema is rejected (exit 2)', () => {
    const f = path.join(tmp, 'other-schema.json');
    fs.writeFileSync(f, JSON.stringify({ name: 'other', resources: {} }));
    const r = runGate(['--harbor-schema', f, 'fixtures/invalid/harbor-missing-required.yaml']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /is not the Pulumi schema of the harbor package/);
  });

  test('the schema is not needed by programs without harbor resources', () => {
    const f = path.join(tmp, 'no-harbor.yaml');
    fs.writeFileSync(f, [
      'name: no-harbor',
      'runtime: yaml',
      'resources:',
      '  pw:',
      '    type: random:index/randomString:RandomString',
      '    properties:',
      '      length: 12',
      'outputs:',
      '  value: ${pw.result}',
      '',
    ].join('\n'));
    const r = runGate(['--harbor-schema', path.join(tmp, 'missing-schema.json'), f]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /conformance: 1 programs, 1 resources checked, 0 problems/);
  });
});
