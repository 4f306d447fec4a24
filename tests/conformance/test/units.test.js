'use strict';
// In-process tests of the gate's parts: expression parsing, program structure checks,
// the SDK token index, the Harbor schema translation and the mock-runtime construction.

const { test, describe } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');

const { parseExpr, parseInterpolation, joinPath } = require('../lib/expr');
const { Program } = require('../lib/program');
const { SdkIndex } = require('../lib/sdk');
const { HarborSchema, defaultSchemaPath } = require('../lib/harbor');
const { runMocks } = require('../lib/mockrun');
const { describe: describeDiag } = require('../lib/tscheck');

const TOOL_DIR = path.resolve(__dirname, '..');

describe('expressions', () => {
  test('interpolation splits text and references, and $${ escapes', () => {
    const parts = parseInterpolation('arn:${partition}:s3:::${bucket.bucket}/$${literal}');
    assert.equal(parts.length, 5);
    assert.equal(parts[0], 'arn:');
    assert.deepEqual(parts[1].root, 'partition');
    assert.deepEqual(parts[3].path, [{ t: 'prop', name: 'bucket' }]);
    assert.equal(parts[4], '/${literal}');
  });

  test('every $$ is one literal $, as pulumi-yaml reads it (shell scripts keep $VAR and $$)', () => {
    assert.deepEqual(parseInterpolation('echo $$HOME $$$$ cost$$5'), ['echo $HOME $$ cost$5']);
  });

  test('property access with indexes and quoted keys', () => {
    const [ref] = parseInterpolation('${cluster.certificateAuthorities[0].data}');
    assert.equal(ref.root, 'cluster');
    assert.deepEqual(ref.path, [{ t: 'prop', name: 'certificateAuthorities' }, { t: 'index', i: 0 }, { t: 'prop', name: 'data' }]);
    const [tag] = parseInterpolation('${vpc.tags["Name"]}');
    assert.deepEqual(tag.path, [{ t: 'prop', name: 'tags' }, { t: 'key', key: 'Name' }]);
    const [dashed] = parseInterpolation('${ap-southeast-1-network-vpc.id}');
    assert.equal(dashed.root, 'ap-southeast-1-network-vpc');
  });

  test('a whole-string reference is a substitution, text around it an interpolation', () => {
    const probs = [];
    assert.equal(parseExpr('${a.b}', '', probs).k, 'ref');
    assert.equal(parseExpr('x-${a}', '', probs).k, 'interp');
    assert.equal(parseExpr('$${a}', '', probs).k, 'lit');
    assert.deepEqual(probs, []);
  });

  test('builtins are parsed, unknown builtins and malformed references reported', () => {
    const probs = [];
    const inv = parseExpr({ 'fn::invoke': { function: 'aws:index/getPartition:getPartition', return: 'partition' } }, 'x', probs);
    assert.equal(inv.name, 'invoke');
    assert.equal(inv.path, 'x.fn::invoke');
    assert.equal(parseExpr({ 'fn::join': [',', ['a', 'b']] }, '', probs).name, 'join');
    assert.deepEqual(probs, []);
    parseExpr({ 'fn::frobnicate': 1 }, 'p', probs);
    parseExpr('${a.}', 'q', probs);
    parseExpr({ 'fn::invoke': { function: 'f:g:h', argumentz: {} } }, 'r', probs);
    assert.deepEqual(probs.map((p) => p.path), ['p.fn::frobnicate', 'q', 'r.fn::invoke.argumentz']);
  });

  test('paths read like property paths', () => {
    assert.equal(joinPath(joinPath(joinPath('', 'ingress'), 0), 'fromPort'), 'ingress[0].fromPort');
    assert.equal(joinPath('metadata.annotations', 'eks.amazonaws.com/role-arn'), 'metadata.annotations["eks.amazonaws.com/role-arn"]');
  });
});

describe('program structure', () => {
  const problemsOf = (raw) => new Program('mem.yaml', 0, raw).problems.map((p) => `${p.where}: ${p.path}: ${p.message}`);

  test('unknown top-level, resource and option keys', () => {
    const probs = problemsOf({
      name: 'x',
      resourcez: {},
      resources: { a: { type: 'random:index/randomId:RandomId', propertiez: {}, options: { protected: true } } },
    });
    assert.equal(probs.length, 3, probs.join('\n'));
    assert.match(probs[0], /^\(program\): resourcez: unknown top-level key/);
    assert.match(probs[1], /^a: propertiez: unknown resource key/);
    assert.match(probs[2], /^a: options\.protected: unknown resource option 'protected'/);
  });

  test('undefined names, bad pulumi builtins, and option values that are not resource references', () => {
    const probs = problemsOf({
      config: { domain: { type: 'string' } },
      variables: { v: '${nothing}', s: '${pulumi.stak}' },
      resources: { a: { type: 'random:index/randomId:RandomId', properties: { prefix: '${domain}' }, options: { parent: 'a-string' } } },
    });
    probs.sort();
    assert.equal(probs.length, 3, probs.join('\n'));
    assert.match(probs[0], /^a: options\.parent: must be a reference to a resource/);
    assert.match(probs[1], /^variables\.s: : .*builtin 'pulumi' variable/);
    assert.match(probs[2], /^variables\.v: : reference \$\{nothing\} names no resource/);
  });

  test('dependency cycles and duplicate names', () => {
    const probs = problemsOf({
      variables: { a: '${b}', b: '${a}', r: 'x' },
      resources: { r: { type: 'random:index/randomId:RandomId' } },
    });
    assert.ok(probs.some((p) => /dependency cycle: a -> b -> a/.test(p)), probs.join('\n'));
    assert.ok(probs.some((p) => /name 'r' is declared both as variables and as resources/.test(p)), probs.join('\n'));
  });

  test('config defaults must match their declared type', () => {
    const probs = problemsOf({ config: { n: { type: 'integer', default: 'three' }, t: { type: 'Stringy' } } });
    assert.equal(probs.length, 2, probs.join('\n'));
    assert.match(probs[0], /^config\.n: default: default "three" does not match the declared type 'integer'/);
    assert.match(probs[1], /^config\.t: type: unknown config type 'Stringy'/);
  });
});

describe('SDK index', () => {
  const sdk = new SdkIndex(path.join(TOOL_DIR, 'node_modules'));

  test('maps tokens to SDK modules, including kubernetes group names', () => {
    assert.equal(sdk.resources.get('aws:ec2/vpc:Vpc').module, '@pulumi/aws/ec2/vpc');
    assert.equal(sdk.resources.get('kubernetes:helm.sh/v3:Release').module, '@pulumi/kubernetes/helm/v3/release');
    assert.equal(sdk.resources.get('kubernetes:policy/v1:PodDisruptionBudget').module, '@pulumi/kubernetes/policy/v1/podDisruptionBudget');
    assert.equal(sdk.resources.get('kubernetes:networking.k8s.io/v1:Ingress').module, '@pulumi/kubernetes/networking/v1/ingress');
    assert.equal(sdk.resources.get('kubernetes:apiextensions.k8s.io:CustomResource').exportName, 'CustomResource');
    assert.equal(sdk.resources.get('pulumi:providers:aws').kind, 'provider');
    assert.equal(sdk.functions.get('aws:ec2/getAmi:getAmi').exportName, 'getAmiOutput');
    assert.equal(sdk.packages.get('aws').version, '7.48.0');
  });

  test('flags Node.js-only components and deprecations', () => {
    assert.equal(sdk.resources.get('kubernetes:helm.sh/v3:Chart').localOnly, true);
    assert.equal(sdk.resources.get('kubernetes:helm.sh/v4:Chart').localOnly, false);
    assert.match(sdk.deprecation(sdk.resources.get('aws:s3/bucketV2:BucketV2')), /deprecated in favor of s3\.Bucket/);
    assert.equal(sdk.deprecation(sdk.resources.get('aws:s3/bucket:Bucket')), null);
  });

  test('suggests the right module for a misplaced class', () => {
    assert.deepEqual(sdk.suggest('aws:vpc/subnet:Subnet', sdk.resources), ['aws:ec2/subnet:Subnet']);
  });
});

describe('Harbor schema', () => {
  const harbor = new HarborSchema(defaultSchemaPath());

  test('is found beside the repository and knows its version', () => {
    assert.equal(harbor.version, '3.10.21');
    assert.ok(harbor.hasResource('harbor:index/project:Project'));
    assert.ok(harbor.hasResource('pulumi:providers:harbor'));
    assert.ok(harbor.hasFunction('harbor:index/getProject:getProject'));
    assert.ok(!harbor.hasFunction('pulumi:providers:harbor/terraformConfig'));
  });

  test('becomes TypeScript declarations with required inputs and typed outputs', () => {
    const ts = harbor.toTypeScript();
    assert.match(ts, /export declare class Registry extends pulumi\.CustomResource \{/);
    assert.match(ts, /constructor\(name: string, args: RegistryArgs, opts\?: pulumi\.CustomResourceOptions\);/);
    assert.match(ts, /export interface RegistryArgs \{[^}]*\n {2}endpointUrl: pulumi\.Input<string>;/);
    assert.match(ts, /readonly projectId: pulumi\.Output<number>;/);
    assert.match(ts, /export declare function getProjectOutput\(args: GetProjectOutputArgs/);
  });

  test('literal checks: required inputs, nested required fields, integers', () => {
    const found = [];
    const probs = [];
    const node = parseExpr({ workers: 2.5, permissions: [{ kind: 'project', namespace: 'x', accesses: [{ resource: 'repository' }] }] }, '', probs);
    const gc = harbor.resourceSpec('harbor:index/garbageCollection:GarbageCollection');
    harbor.checkLiterals(gc.inputProperties, gc.requiredInputs, node, '', (p, m) => found.push(`${p}: ${m}`));
    const robot = harbor.resourceSpec('harbor:index/robotAccount:RobotAccount');
    harbor.checkLiterals(robot.inputProperties, robot.requiredInputs, node, '', (p, m) => found.push(`${p}: ${m}`));
    assert.deepEqual(found, [
      "schedule: Missing required property 'schedule'",
      'workers: expected an integer, got 2.5',
      "level: Missing required property 'level'",
      "permissions[0].accesses[0].action: Missing required property 'action'",
    ]);
  });
});

describe('mock runtime construction', () => {
  test("SDK constructors reject a missing required input, and a class must register the program's token", async () => {
    const sdk = new SdkIndex(path.join(TOOL_DIR, 'node_modules'));
    const prog = new Program('mem.yaml', 0, {
      resources: {
        vpc: { type: 'aws:ec2/vpc:Vpc', properties: { cidrBlock: '10.0.0.0/16' } },
        subnet: { type: 'aws:ec2/subnet:Subnet', properties: { cidrBlock: '10.0.1.0/24' } },
        subnet2: { type: 'aws:ec2/subnet:Subnet', properties: { cidrBlock: '10.0.2.0/24', vpcId: '${vpc.id}' } },
        release: { type: 'kubernetes:helm.sh/v3:Release', properties: { values: {} } },
        impostor: { type: 'aws:ec2/subnet:Subnet', properties: { vpcId: 'x', cidrBlock: 'y' } },
        cr: { type: 'kubernetes:apiextensions.k8s.io:CustomResource', properties: { kind: 'Certificate' } },
      },
    });
    assert.deepEqual(prog.problems, []);
    for (const res of prog.resources.values()) res.entry = { source: 'sdk', ...sdk.resources.get(res.token) };
    // a resolution that points at the wrong class must be caught by the __pulumiType check
    prog.resources.get('impostor').entry = { source: 'sdk', ...sdk.resources.get('aws:ec2/vpc:Vpc') };
    const found = [];
    const { constructed } = await runMocks({ programs: [prog], harbor: null, report: (p, where, pth, msg) => found.push(`${where}: ${pth}: ${msg}`) });
    assert.deepEqual(found, [
      "subnet: vpcId: Missing required property 'vpcId'",
      "release: chart: Missing required property 'chart'",
      "impostor: type: type token 'aws:ec2/subnet:Subnet' resolved to @pulumi/aws/ec2/vpc.Vpc, which registers 'aws:ec2/vpc:Vpc'",
      "cr: apiVersion: Missing required property 'apiVersion'",
    ]);
    assert.equal(constructed, 2);
  });
});

describe('diagnostic messages', () => {
  test('a missing property becomes a path and a short message', () => {
    const d = describeDiag([
      "Argument of type '{ cidrBlock: string; }' is not assignable to parameter of type 'SubnetArgs'.",
      "Property 'vpcId' is missing in type '{ cidrBlock: string; }' but required in type 'SubnetArgs'.",
    ]);
    assert.deepEqual(d, { add: 'vpcId', message: "missing required input 'vpcId' (required by SubnetArgs)" });
  });
});
