import { z } from 'zod';

/**
 * Parses the environment once, at cold start, so a missing or malformed variable fails the first
 * invocation with a message naming it instead of surfacing deep inside a request.
 */
export const parseEnv = <Schema extends z.ZodType>(
  schema: Schema,
  env: Record<string, string | undefined> = process.env,
): z.infer<Schema> => {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Invalid environment: ${problems.join('; ')}`);
  }
  return result.data;
};

/**
 * Variables every Shoal function reads. The endpoint overrides are set only by the local stack,
 * which runs these same handlers against the emulators.
 */
export const BaseEnv = z.object({
  AWS_REGION: z.string().min(1),
  SHOAL_DYNAMODB_ENDPOINT: z.url().optional(),
  SHOAL_S3_ENDPOINT: z.url().optional(),
  SHOAL_SES_ENDPOINT: z.url().optional(),
});
export type BaseEnv = z.infer<typeof BaseEnv>;

export const clientConfigFromEnv = (env: BaseEnv) => ({
  region: env.AWS_REGION,
  endpoints: {
    dynamodb: env.SHOAL_DYNAMODB_ENDPOINT,
    s3: env.SHOAL_S3_ENDPOINT,
    ses: env.SHOAL_SES_ENDPOINT,
  },
});
