import { ArnFormat, Stack } from 'aws-cdk-lib';
import { type IGrantable, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { Env } from '../../shared/env.ts';

export interface RoundSchedulesProps {
  /** The jobs function every schedule invokes. */
  readonly target: IFunction;
  readonly deadLetterQueue: IQueue;
}

/**
 * What the rounds' EventBridge Scheduler schedules need, with no schedule at deploy time: rounds are data,
 * so the admin function creates one schedule group per round (`<stack>-<roundId>`) and its one-time
 * schedules when a coordinator opens the round, moves them when the deadline moves, and deletes them when
 * the round closes early. This construct holds the role the schedules invoke the jobs function with, and
 * binds a function to manage them.
 */
export class RoundSchedules extends Construct {
  /** Prefix of every round's schedule group name. */
  readonly groupPrefix: string;
  /** The role the schedules invoke their target with. */
  readonly invokeRole: Role;
  private readonly props: RoundSchedulesProps;

  constructor(scope: Construct, id: string, props: RoundSchedulesProps) {
    super(scope, id);
    this.props = props;
    // Derived from the stack name (not hard-coded): unique per stack and stage.
    this.groupPrefix = Stack.of(this).stackName;
    const { account } = Stack.of(this);
    this.invokeRole = new Role(this, 'InvokeRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }),
    });
    props.target.grantInvoke(this.invokeRole);
    props.deadLetterQueue.grantSendMessages(this.invokeRole);
  }

  /** What a function that manages the schedules needs to know: group prefix, role, target, dead letters. */
  get environment() {
    return {
      [Env.scheduleGroupPrefix]: this.groupPrefix,
      [Env.schedulerRoleArn]: this.invokeRole.roleArn,
      [Env.schedulerTargetArn]: this.props.target.functionArn,
      [Env.schedulerDeadLetterArn]: this.props.deadLetterQueue.queueArn,
    };
  }

  /**
   * Lets a function manage the rounds' schedules (with `environment` set on it): creating groups and
   * schedules under this stack's prefix only, and passing that role.
   */
  grantManage(fn: IGrantable): void {
    const stack = Stack.of(this);
    const arn = (resource: string, resourceName: string) =>
      stack.formatArn({
        service: 'scheduler',
        resource,
        resourceName,
        arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
      });
    fn.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['scheduler:CreateScheduleGroup'],
        resources: [arn('schedule-group', `${this.groupPrefix}-*`)],
      }),
    );
    fn.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule'],
        resources: [arn('schedule', `${this.groupPrefix}-*/*`)],
      }),
    );
    this.invokeRole.grantPassRole(fn.grantPrincipal);
  }
}
