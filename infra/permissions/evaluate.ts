import { runSimulation, runUnsafeSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import { TABLE_ACTIONS } from '../constructs/data-table.ts';
import type { RecordedCall } from './calls.ts';
import { type IamRequest, iamRequestsFor } from './requests.ts';
import { FAKE_ENV, type PolicyStatement, type StackFunction, type StackModel } from './template.ts';

/** A request IAM would refuse (or a call that cannot be made in AWS at all), with how many calls need it. */
export interface DeniedRequest {
  readonly fn: string;
  readonly action: string;
  readonly resource: string;
  /** DynamoDB: the partition key the request carried (`dynamodb:LeadingKeys`), what the grant compares. */
  readonly key?: string;
  readonly reason: string;
  readonly calls: number;
}

export interface JustifiedGrant {
  readonly action: string;
  readonly reason: string;
}

export interface PermissionReport {
  /** Distinct recorded calls evaluated. */
  readonly calls: number;
  /** Functions that made them. */
  readonly functions: number;
  /** Calls with at least one denied request. */
  readonly deniedCalls: number;
  readonly denied: readonly DeniedRequest[];
  /** Function → granted actions no recorded call used (and nothing below justifies). */
  readonly unused: Readonly<Record<string, readonly string[]>>;
  /**
   * Function → partition-key patterns of its table grants that no allowed call matched (`write GUARD#*`):
   * candidates for removal from `needs.table`, unless an AWS-only path needs them.
   */
  readonly unusedKeys: Readonly<Record<string, readonly string[]>>;
  /** Function → granted actions no recorded call used, for a reason the suite cannot show. */
  readonly justified: Readonly<Record<string, readonly JustifiedGrant[]>>;
  readonly warnings: readonly string[];
}

const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : [v].flat());

const globCache = new Map<string, RegExp>();
/** IAM's wildcard match (`*`, `?`); actions compare case-insensitively. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const key = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let re = globCache.get(key);
  if (!re) {
    const body = pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    re = new RegExp(`^${body}$`, ignoreCase ? 'i' : '');
    globCache.set(key, re);
  }
  return re.test(value);
}

/** The session a Lambda runs as: its execution role, assumed by the Lambda service. */
const sessionOf = (fn: StackFunction) =>
  fn.roleArn.replace(/^arn:([^:]+):iam::(\d+):role\/(?:.*\/)?([^/]+)$/, 'arn:$1:sts::$2:assumed-role/$3/') +
  fn.name;

interface Verdict {
  readonly allowed: boolean;
  readonly reason: string;
  /** Granted action patterns (of the function's own policies) that allowed it. */
  readonly usedActions: readonly string[];
}

/** Evaluates one request against a function's identity policies (and the resource's policy, if any). */
async function evaluateRequest(fn: StackFunction, request: IamRequest): Promise<Verdict> {
  const simulation: Simulation = {
    request: {
      principal: sessionOf(fn),
      action: request.action,
      resource: { resource: request.resource, accountId: FAKE_ENV.account },
      contextVariables: { ...request.context },
    },
    identityPolicies: fn.policies.map((p) => ({ name: p.name, policy: p.document })),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    ...(request.resourcePolicy ? { resourcePolicy: request.resourcePolicy } : {}),
  };
  if (request.wildcardOnlyInReference) {
    // The simulator refuses a resource for an action the IAM reference lists as wildcard-only; the
    // service does check this resource, so evaluate it as given.
    const result = runUnsafeSimulation(simulation, {});
    const used = fn.policies.flatMap((p) =>
      p.document.Statement.filter(
        (s) =>
          s.Effect === 'Allow' &&
          asList(s.Action).some((a) => wildcardMatch(a, request.action, true)) &&
          asList(s.Resource).some((r) => wildcardMatch(r, request.resource)),
      ).flatMap((s) => asList(s.Action).filter((a) => wildcardMatch(a, request.action, true))),
    );
    return { allowed: result === 'Allowed', reason: result, usedActions: used };
  }
  const response = await runSimulation(simulation, {});
  if (response.resultType === 'error')
    return { allowed: false, reason: `simulation error: ${response.errors.message}`, usedActions: [] };
  const analyses =
    response.resultType === 'single' ? [response.result.analysis] : response.results.map((r) => r.analysis);
  const used = analyses.flatMap((a) =>
    (a.identityAnalysis?.allowStatements ?? []).flatMap((s) =>
      asList((s.statement.toJSON() as PolicyStatement).Action).filter((x) =>
        wildcardMatch(x, request.action, true),
      ),
    ),
  );
  return { allowed: response.overallResult === 'Allowed', reason: response.overallResult, usedActions: used };
}

/** Grants that no recorded call can use, and why they are there all the same. */
function justification(fn: StackFunction, action: string, statement: PolicyStatement): string | undefined {
  const a = action.toLowerCase();
  if (fn.tracing && (a === 'xray:puttracesegments' || a === 'xray:puttelemetryrecords'))
    return 'active X-Ray tracing: the Lambda runtime sends the segments as the function';
  const resources = asList(statement.Resource);
  if (a.startsWith('sqs:') && resources.length && resources.every((r) => fn.destinations.includes(r)))
    return "the function's asynchronous-invocation destination: Lambda sends failed events as the function";
  if (fn.env.SIGNING_KEY_PARAMETER && (a === 'ssm:getparameter' || a === 'kms:decrypt'))
    return 'AWS only: the local runtime reads the signing key from a file (SIGNING_KEY_FILE)';
  const schedules = ['SCHEDULE_NAME_PREFIX', 'SCHEDULE_GROUP_PREFIX', 'SCHEDULER_ROLE_ARN'];
  if (schedules.some((v) => fn.env[v]) && (a.startsWith('scheduler:') || a === 'iam:passrole'))
    return 'AWS only: locally the schedule variables are unset and the local scheduler runs the jobs';
  return undefined;
}

const leadingKeyOf = (request: IamRequest): string | undefined => {
  const v = request.context['dynamodb:LeadingKeys'];
  return Array.isArray(v) ? v[0] : v;
};

/** A table grant's partition-key patterns, each labelled by its kind (`read DOSSIER#*`, `query gsi1 ROUNDS`). */
interface KeyGrant {
  readonly label: string;
  readonly pattern: string;
  readonly actions: readonly string[];
  readonly resources: readonly string[];
}

function keyGrantsOf(fn: StackFunction): KeyGrant[] {
  const kinds = Object.entries(TABLE_ACTIONS) as [string, readonly string[]][];
  return fn.policies
    .filter((p) => !p.awsManaged)
    .flatMap((p) => p.document.Statement)
    .flatMap((s) => {
      const patterns = asList(
        (s.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'] as
          | string
          | string[]
          | undefined) ?? undefined,
      );
      if (s.Effect !== 'Allow' || !patterns.length) return [];
      const actions = asList(s.Action);
      const resources = asList(s.Resource);
      const index = resources.map((r) => /\/index\/([^/]+)$/.exec(r)?.[1]).find(Boolean);
      const kind = index
        ? `query ${index}`
        : (kinds.find(([, a]) => a.length === actions.length && a.every((x) => actions.includes(x)))?.[0] ??
          actions.map((a) => a.replace(/^dynamodb:/, '')).join('+'));
      return patterns.map((pattern) => ({ label: `${kind} ${pattern}`, pattern, actions, resources }));
    });
}

/** The labels of the grants whose pattern matched an allowed request's partition key. */
function keyPatternsMatching(fn: StackFunction, request: IamRequest, partition: string): string[] {
  return keyGrantsOf(fn)
    .filter(
      (g) =>
        g.actions.some((a) => wildcardMatch(a, request.action, true)) &&
        g.resources.some((r) => wildcardMatch(r, request.resource)) &&
        wildcardMatch(g.pattern, partition),
    )
    .map((g) => g.label);
}

/**
 * Evaluates every recorded call of every function against that function's synthesized policies, and
 * lists the grants no call used.
 */
export async function evaluateCalls(
  calls: readonly RecordedCall[],
  stack: StackModel,
): Promise<PermissionReport> {
  const denied = new Map<string, { entry: Omit<DeniedRequest, 'calls'>; calls: Set<RecordedCall> }>();
  const deny = (call: RecordedCall, action: string, resource: string, reason: string, partition?: string) => {
    const key = JSON.stringify([call.fn, action, resource, reason, partition]);
    const entry = {
      fn: call.fn,
      action,
      resource,
      ...(partition === undefined ? {} : { key: partition }),
      reason,
    };
    const d = denied.get(key) ?? { entry, calls: new Set() };
    d.calls.add(call);
    denied.set(key, d);
  };
  const used = new Map<string, Set<string>>();
  const usedKeys = new Map<string, Set<string>>();
  const verdicts = new Map<string, Promise<Verdict>>();
  const deniedCalls = new Set<RecordedCall>();

  for (const call of calls) {
    const fn = stack.functions[call.fn];
    if (!fn) {
      deny(call, `${call.service}:${call.operation}`, '-', `${call.fn} is not a function of the stack`);
      deniedCalls.add(call);
      continue;
    }
    const mapped = iamRequestsFor(call, fn, stack);
    for (const problem of mapped.problems) {
      deny(call, `${call.service}:${call.operation}`, '-', problem);
      deniedCalls.add(call);
    }
    for (const request of mapped.requests) {
      const key = JSON.stringify([fn.name, request]);
      let verdict = verdicts.get(key);
      if (!verdict) {
        verdict = evaluateRequest(fn, request);
        verdicts.set(key, verdict);
      }
      const v = await verdict;
      for (const a of v.usedActions) {
        const set = used.get(fn.name) ?? new Set();
        set.add(a.toLowerCase());
        used.set(fn.name, set);
      }
      const partition = leadingKeyOf(request);
      if (!v.allowed) {
        deny(call, request.action, request.resource, v.reason, partition);
        deniedCalls.add(call);
      } else if (partition !== undefined) {
        for (const pattern of keyPatternsMatching(fn, request, partition)) {
          const set = usedKeys.get(fn.name) ?? new Set();
          set.add(pattern);
          usedKeys.set(fn.name, set);
        }
      }
    }
  }

  const unused: Record<string, string[]> = {};
  const justified: Record<string, JustifiedGrant[]> = {};
  for (const fn of Object.values(stack.functions)) {
    const grants = new Map<string, string | undefined>();
    for (const policy of fn.policies.filter((p) => !p.awsManaged)) {
      for (const statement of policy.document.Statement.filter((s) => s.Effect === 'Allow')) {
        for (const action of asList(statement.Action)) {
          if (used.get(fn.name)?.has(action.toLowerCase())) continue;
          const reason = justification(fn, action, statement);
          if (!grants.has(action) || reason) grants.set(action, grants.get(action) ?? reason);
        }
      }
    }
    const names = [...grants.keys()].sort();
    const u = names.filter((a) => !grants.get(a));
    const j = names.filter((a) => grants.get(a)).map((a) => ({ action: a, reason: grants.get(a)! }));
    if (u.length) unused[fn.name] = u;
    if (j.length) justified[fn.name] = j;
  }
  const unusedKeys: Record<string, string[]> = {};
  for (const fn of Object.values(stack.functions)) {
    const keys = keyGrantsOf(fn)
      .filter((g) => !usedKeys.get(fn.name)?.has(g.label))
      .map((g) => g.label);
    if (keys.length) unusedKeys[fn.name] = [...new Set(keys)];
  }

  return {
    calls: calls.length,
    functions: new Set(calls.map((c) => c.fn)).size,
    deniedCalls: deniedCalls.size,
    denied: [...denied.values()]
      .map((d) => ({ ...d.entry, calls: d.calls.size }))
      .sort((a, b) => `${a.fn} ${a.action} ${a.resource}`.localeCompare(`${b.fn} ${b.action} ${b.resource}`)),
    unused,
    unusedKeys,
    justified,
    warnings: [...stack.warnings],
  };
}

/** The summary line and the lists `npm run check:permissions` prints. */
export function formatReport(report: PermissionReport): string {
  const unusedCount = Object.values(report.unused).reduce((n, a) => n + a.length, 0);
  const lines = [
    `permissions: ${report.calls} calls by ${report.functions} functions checked against the synthesized policies, ${report.deniedCalls} denied, ${unusedCount} granted actions never used`,
  ];
  if (report.denied.length) {
    lines.push('denied (function, action, resource):');
    const groups = new Map<string, DeniedRequest[]>();
    for (const d of report.denied) {
      const key = `${d.fn} ${d.action} ${d.reason}`;
      groups.set(key, [...(groups.get(key) ?? []), d]);
    }
    for (const group of groups.values()) {
      for (const d of group.slice(0, 3))
        lines.push(
          `  ${d.fn}  ${d.action}  ${d.resource}${d.key === undefined ? '' : `  key ${d.key}`}  (${d.reason}; ${d.calls} call${d.calls > 1 ? 's' : ''})`,
        );
      if (group.length > 3)
        lines.push(`  ${group[0]!.fn}  ${group[0]!.action}  … and ${group.length - 3} more resources`);
    }
  }
  if (report.denied.some((d) => d.key !== undefined || d.action.startsWith('s3:')))
    lines.push(
      '  (a denied key or object is outside the function’s grants: if the function must reach it, add its prefix to ' +
        'needs.table.read/write/delete, needs.table.query.<index> or needs.bucket.read/write in infra/functions.ts)',
    );
  if (unusedCount) {
    lines.push('granted but never used (remove, or justify in infra/permissions/evaluate.ts):');
    for (const [fn, actions] of Object.entries(report.unused)) lines.push(`  ${fn}: ${actions.join(', ')}`);
  }
  const unusedKeys = Object.entries(report.unusedKeys);
  if (unusedKeys.length) {
    lines.push(
      'partition keys granted but never used by the suite (remove from infra/functions.ts unless AWS-only):',
    );
    for (const [fn, keys] of unusedKeys) lines.push(`  ${fn}: ${keys.join(', ')}`);
  }
  // One line per reason and set of actions, naming the functions (X-Ray is on every one of them).
  const justified = new Map<string, string[]>();
  for (const [fn, grants] of Object.entries(report.justified)) {
    const byReason = new Map<string, string[]>();
    for (const g of grants) byReason.set(g.reason, [...(byReason.get(g.reason) ?? []), g.action]);
    for (const [reason, actions] of byReason) {
      const key = `${actions.join(', ')} (${reason})`;
      justified.set(key, [...(justified.get(key) ?? []), fn]);
    }
  }
  if (justified.size) {
    lines.push('granted, not exercised by the suite, justified:');
    for (const [grant, fns] of justified) lines.push(`  ${fns.join(', ')}: ${grant}`);
  }
  for (const w of report.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n');
}
