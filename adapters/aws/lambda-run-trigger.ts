import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { RunTrigger } from '../../core/ports/run-trigger';
import { DependencyFailedError } from '../../core/shared/errors';

/** Invokes the resegment function asynchronously: Lambda queues the event and retries it. */
export class LambdaRunTrigger implements RunTrigger {
  constructor(
    private readonly lambda: LambdaClient,
    private readonly functionName: string,
  ) {}

  async startRun(request: { asOf?: string }): Promise<void> {
    const { StatusCode } = await this.lambda.send(
      new InvokeCommand({
        FunctionName: this.functionName,
        InvocationType: 'Event',
        Payload: new TextEncoder().encode(JSON.stringify(request)),
      }),
    );
    if (StatusCode !== 202) {
      throw new DependencyFailedError(`Lambda did not queue the run (status ${StatusCode})`);
    }
  }
}
