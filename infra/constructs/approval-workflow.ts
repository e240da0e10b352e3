import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  Choice,
  Condition,
  DefinitionBody,
  Errors,
  Fail,
  IntegrationPattern,
  JitterType,
  JsonPath,
  LogLevel,
  Pass,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
  Timeout,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { THROTTLING_ERRORS } from '../../shared/adapters/sfn/task-errors.ts';
import type { FunctionName } from '../functions.ts';

export interface ApprovalWorkflowProps {
  readonly functions: Record<FunctionName, IFunction>;
  /** Seconds a reviewer has before the review task times out (reminder, then escalation). */
  readonly reviewTimeoutSeconds: number;
  /** Reminders sent to the reviewers before the coordinator is alerted. */
  readonly remindersBeforeEscalation: number;
  /**
   * Seconds the Director has to sign off before the coordinators are alerted and the wait starts again
   * (the daily digest reminds the Director meanwhile).
   */
  readonly signOffTimeoutSeconds: number;
  /**
   * Seconds the Centre has to decide an activity proposal (the second kind, `kind: 'activity'`) before its
   * time is given back and the member told; 14 days unless set.
   */
  readonly activityDecisionTimeoutSeconds?: number;
}

/**
 * SES throttling in a step (after the SDK's own retries) is retried here with backoff, before any Catch
 * could record the dossier as failed: 1 s, 2 s, 4 s… (full jitter, at most 60 s apart), 8 attempts.
 */
const THROTTLING_RETRY = {
  errors: [...THROTTLING_ERRORS],
  interval: Duration.seconds(1),
  backoffRate: 2,
  maxAttempts: 8,
  maxDelay: Duration.seconds(60),
  jitterStrategy: JitterType.FULL,
};

/** Timeout of a plain (non-callback) Lambda step. */
const STEP_TIMEOUT = Timeout.duration(Duration.seconds(90));

/**
 * The approval workflow of DESIGN §6, one execution per submitted dossier (name = dossier id).
 * This is the only definition: the local runtime runs the ASL synthesized from it.
 */
export class ApprovalWorkflow extends Construct {
  readonly stateMachine: StateMachine;
  /** A fixed name, so the ARN can be written without referring to the resource (see `arn`). */
  readonly name: string;
  /**
   * The state machine's ARN, built from its name: functions that are its tasks and also start or answer it
   * (the activities function) would otherwise make a dependency cycle (function → its policy → the state
   * machine → its role's policy → the function).
   */
  readonly arn: string;
  /** Every execution of it (DescribeExecution). */
  readonly executionsArn: string;

  constructor(scope: Construct, id: string, props: ApprovalWorkflowProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.name = `${stack.stackName}-approval`;
    this.arn = stack.formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: this.name,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    this.executionsArn = stack.formatArn({
      service: 'states',
      resource: 'execution',
      resourceName: `${this.name}:*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    const fns = props.functions;

    const step = (
      name: string,
      fn: IFunction,
      payload: Record<string, unknown>,
      resultPath: string | null,
    ) => {
      const task = new LambdaInvoke(this, name, {
        lambdaFunction: fn,
        payload: TaskInput.fromObject(payload),
        payloadResponseOnly: false,
        retryOnServiceExceptions: true,
        resultSelector: { 'value.$': '$.Payload' },
        resultPath: resultPath === null ? JsonPath.DISCARD : resultPath,
        taskTimeout: STEP_TIMEOUT,
      });
      task.addRetry(THROTTLING_RETRY);
      return task;
    };

    const recordFailure = step(
      'RecordFailure',
      fns.recordOutcome,
      { dossierId: JsonPath.stringAt('$.dossierId'), action: 'failed', 'detail.$': '$.failure' },
      null,
    ).next(new Fail(this, 'Failed', { error: 'DossierWorkflowFailed', cause: 'Recorded on the dossier' }));

    const guard = <T extends LambdaInvoke>(task: T): T => {
      task.addCatch(recordFailure, { errors: [Errors.ALL], resultPath: '$.failure' });
      return task;
    };

    /**
     * A wait for a person (waitForTaskToken): the Lambda records the token where their answer will find it.
     * A throttled invocation is retried; a retry runs the step again under a new token (the old is closed).
     */
    const awaitCallback = (
      name: string,
      fn: IFunction,
      payload: Record<string, unknown>,
      resultPath: string | null,
      timeout: Timeout,
    ) => {
      const task = new LambdaInvoke(this, name, {
        lambdaFunction: fn,
        integrationPattern: IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        payload: TaskInput.fromObject({ ...payload, taskToken: JsonPath.taskToken }),
        resultPath: resultPath === null ? JsonPath.DISCARD : resultPath,
        taskTimeout: timeout,
      });
      task.addRetry(THROTTLING_RETRY);
      return task;
    };
    /** The execution's own fields, carried through a Pass that sets others. */
    const carried = (fields: Record<string, unknown>) => ({
      'dossierId.$': '$.dossierId',
      'roundId.$': '$.roundId',
      ...fields,
    });

    const checkDossier = guard(
      step('CheckDossier', fns.checkDossier, { dossierId: JsonPath.stringAt('$.dossierId') }, '$.check'),
    );

    // A retry invokes requestReview again: fresh links under a new token (the old token is closed).
    const awaitReview = awaitCallback(
      'AwaitReview',
      fns.requestReview,
      {
        dossierId: JsonPath.stringAt('$.dossierId'),
        attempt: JsonPath.numberAt('$.reviewAttempt'),
        cycle: JsonPath.numberAt('$.reviewCycle'),
      },
      '$.decision',
      Timeout.duration(Duration.seconds(props.reviewTimeoutSeconds)),
    );

    const countReminder = new Pass(this, 'CountReminder', {
      parameters: carried({
        'reviewCycle.$': '$.reviewCycle',
        'reviewAttempt.$': 'States.MathAdd($.reviewAttempt, 1)',
      }),
    });
    const escalate = guard(
      step(
        'Escalate',
        fns.recordOutcome,
        { dossierId: JsonPath.stringAt('$.dossierId'), action: 'escalate', 'detail.$': '$.reviewAttempt' },
        null,
      ),
    );
    awaitReview.addCatch(countReminder, { errors: [Errors.TIMEOUT], resultPath: JsonPath.DISCARD });
    guard(awaitReview);
    countReminder.next(
      new Choice(this, 'EscalateOrRemind')
        .when(
          Condition.numberGreaterThan('$.reviewAttempt', props.remindersBeforeEscalation),
          escalate.next(awaitReview),
        )
        .otherwise(awaitReview),
    );

    const awaitSupplement = awaitCallback(
      'AwaitSupplement',
      fns.requestSupplement,
      { dossierId: JsonPath.stringAt('$.dossierId'), attempt: 0, 'request.$': '$.decision' },
      null,
      Timeout.at('$.decision.timeoutSeconds'),
    );
    const closeIncomplete = guard(
      step(
        'CloseIncomplete',
        fns.recordOutcome,
        { dossierId: JsonPath.stringAt('$.dossierId'), action: 'incomplete' },
        null,
      ),
    ).next(new Succeed(this, 'ClosedIncomplete'));
    awaitSupplement.addCatch(closeIncomplete, { errors: [Errors.TIMEOUT], resultPath: JsonPath.DISCARD });
    guard(awaitSupplement);

    // A new review cycle: a council is seated afresh, and the opinions of the last cycle stay on record.
    const nextCycle = carried({ reviewAttempt: 0, 'reviewCycle.$': 'States.MathAdd($.reviewCycle, 1)' });
    const resetReview = new Pass(this, 'BackToCheck', { parameters: nextCycle });

    // The Director's sign-off (phê duyệt) of a recommended approval: the step records the recommendation
    // and its token on the dossier, where the daily digest finds it; nothing is emailed per dossier.
    const awaitSignOff = awaitCallback(
      'AwaitSignOff',
      fns.requestReview,
      {
        step: 'signOff',
        dossierId: JsonPath.stringAt('$.dossierId'),
        attempt: JsonPath.numberAt('$.signOffAttempt'),
        recommendation: JsonPath.objectAt('$.decision'),
      },
      '$.signOff',
      Timeout.duration(Duration.seconds(props.signOffTimeoutSeconds)),
    );
    // Overdue: the step runs again with the next attempt (a fresh token on the dossier, coordinators alerted).
    const signOffState = (attempt: unknown) =>
      carried({
        'reviewCycle.$': '$.reviewCycle',
        'reviewAttempt.$': '$.reviewAttempt',
        'decision.$': '$.decision',
        ...(typeof attempt === 'number' ? { signOffAttempt: attempt } : { 'signOffAttempt.$': attempt }),
      });
    const countSignOffReminder = new Pass(this, 'CountSignOffReminder', {
      parameters: signOffState('States.MathAdd($.signOffAttempt, 1)'),
    });
    awaitSignOff.addCatch(countSignOffReminder, { errors: [Errors.TIMEOUT], resultPath: JsonPath.DISCARD });
    guard(awaitSignOff);
    countSignOffReminder.next(awaitSignOff);
    // Parameters, not `Result: 0` with a ResultPath: aws-local-stepfunctions takes a falsy Result for none.
    const startSignOff = new Pass(this, 'StartSignOff', { parameters: signOffState(0) });
    const backToReview = new Pass(this, 'BackToReview', { parameters: nextCycle });
    // Sent back by the Director: recorded with their name and comment before the reviewers are asked again.
    const recordSendBack = guard(
      step(
        'RecordSendBack',
        fns.recordOutcome,
        { dossierId: JsonPath.stringAt('$.dossierId'), action: 'sentBack', 'detail.$': '$.signOff' },
        null,
      ),
    );

    const issueCertificate = guard(
      step(
        'IssueCertificate',
        fns.issueCertificate,
        // The Director who signed is the certificate's issuer in the audit trail.
        { dossierId: JsonPath.stringAt('$.dossierId'), by: JsonPath.stringAt('$.signOff.by') },
        '$.certificate',
      ),
    );
    const notifyApproved = guard(
      step(
        'NotifyApproved',
        fns.recordOutcome,
        {
          dossierId: JsonPath.stringAt('$.dossierId'),
          action: 'approved',
          // Who approved (the Director, recorded as the actor, with the comment) and the certificate.
          detail: {
            decision: JsonPath.objectAt('$.signOff'),
            certificate: JsonPath.objectAt('$.certificate.value'),
          },
        },
        null,
      ),
    );
    const notifyRejected = guard(
      step(
        'NotifyRejected',
        fns.recordOutcome,
        { dossierId: JsonPath.stringAt('$.dossierId'), action: 'rejected', 'detail.$': '$.decision' },
        null,
      ),
    );

    const decide = new Choice(this, 'Decision')
      .when(Condition.stringEquals('$.decision.outcome', 'approved'), startSignOff.next(awaitSignOff))
      .when(
        Condition.stringEquals('$.decision.outcome', 'supplement'),
        awaitSupplement.next(resetReview).next(checkDossier),
      )
      .otherwise(notifyRejected.next(new Succeed(this, 'Rejected')));

    const documentsOk = new Choice(this, 'DocumentsOk')
      .when(Condition.booleanEquals('$.check.value.ok', true), awaitReview)
      .otherwise(
        guard(
          step(
            'RecordCheckFailure',
            fns.recordOutcome,
            { dossierId: JsonPath.stringAt('$.dossierId'), action: 'failed', 'detail.$': '$.check.value' },
            null,
          ),
        ).next(new Fail(this, 'DocumentsInvalid', { error: 'DocumentsInvalid' })),
      );
    awaitReview.next(decide);
    awaitSignOff.next(
      new Choice(this, 'SignOff')
        .when(
          Condition.stringEquals('$.signOff.outcome', 'approved'),
          issueCertificate.next(notifyApproved).next(new Succeed(this, 'Approved')),
        )
        .otherwise(recordSendBack.next(backToReview).next(awaitReview)),
    );

    // The receipt (giấy tiếp nhận) is the workflow's first step, off the submit request's path; its
    // Retry resends on a failed send without touching the submission itself.
    const sendReceipt = guard(
      step(
        'SendReceipt',
        fns.recordOutcome,
        { dossierId: JsonPath.stringAt('$.dossierId'), action: 'received' },
        null,
      ),
    );

    const start = new Pass(this, 'Start', {
      parameters: {
        'dossierId.$': '$.dossierId',
        'roundId.$': '$.roundId',
        reviewAttempt: 0,
        reviewCycle: 0,
      },
    });

    // The second kind: an activity proposal (issue 16). Same machine, same grants, same local runtime;
    // its states are top-level Tasks (the local runner binds only those) and leave the dossier path as it is.
    const activityStep = (name: string, payload: Record<string, unknown>) => {
      const task = new LambdaInvoke(this, name, {
        lambdaFunction: fns.activities,
        payload: TaskInput.fromObject(payload),
        payloadResponseOnly: false,
        retryOnServiceExceptions: true,
        resultPath: JsonPath.DISCARD,
        taskTimeout: STEP_TIMEOUT,
      });
      task.addRetry(THROTTLING_RETRY);
      return task;
    };
    const awaitActivityDecision = awaitCallback(
      'AwaitActivityDecision',
      fns.activities,
      { step: 'awaitActivityDecision', activityId: JsonPath.stringAt('$.activityId') },
      '$.decision',
      Timeout.duration(Duration.seconds(props.activityDecisionTimeoutSeconds ?? 14 * 24 * 3600)),
    );
    const activityDone = new Succeed(this, 'ActivityDecided');
    const recordActivityExpiry = activityStep('RecordActivityExpiry', {
      step: 'recordActivityOutcome',
      activityId: JsonPath.stringAt('$.activityId'),
    }).next(activityDone);
    awaitActivityDecision.addCatch(recordActivityExpiry, {
      errors: [Errors.TIMEOUT],
      resultPath: JsonPath.DISCARD,
    });
    awaitActivityDecision.next(
      activityStep('RecordActivityOutcome', {
        step: 'recordActivityOutcome',
        activityId: JsonPath.stringAt('$.activityId'),
        decision: JsonPath.objectAt('$.decision'),
      }).next(activityDone),
    );
    // Before `Start`, whose Parameters keep only a dossier's fields: an execution without `kind` is a dossier.
    const kind = new Choice(this, 'Kind')
      .when(
        Condition.and(Condition.isPresent('$.kind'), Condition.stringEquals('$.kind', 'activity')),
        awaitActivityDecision,
      )
      .otherwise(start.next(sendReceipt).next(checkDossier).next(documentsOk));

    const logs = new LogGroup(this, 'Logs', {
      retention: RetentionDays.SIX_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineName: this.name,
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromChainable(kind),
      tracingEnabled: true,
      logs: { destination: logs, level: LogLevel.ALL, includeExecutionData: false },
      timeout: Duration.days(120),
    });
  }
}
