import { Logger } from '@aws-lambda-powertools/logger';

/** Structured JSON logs, one logger per process, tagged with the function's service name. */
export const logger = new Logger({ serviceName: 'shoal' });
