import { z } from 'zod';
import type { HttpRoute, RouteAuth } from './http-route';

type JsonSchema = Record<string, unknown>;

const SECURITY: Record<RouteAuth, Record<string, string[]>[]> = {
  admin: [{ adminJwt: [] }],
  storefront: [{ storefrontKey: [] }],
  token: [],
  open: [],
};

/**
 * Converts a zod schema to JSON Schema 2020-12 (OpenAPI 3.1's dialect), moving named schemas
 * (`.meta({ id })`) into the shared components.
 */
const toSchema = (
  schema: z.ZodType,
  io: 'input' | 'output',
  components: Record<string, JsonSchema>,
): JsonSchema => {
  const {
    $schema: _dialect,
    $defs,
    ...rest
  } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
  const relink = (value: JsonSchema): JsonSchema =>
    JSON.parse(
      JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/'),
    ) as JsonSchema;
  for (const [name, definition] of Object.entries($defs ?? {}))
    components[name] = relink(definition);
  return relink(rest);
};

const parametersOf = (
  schema: z.ZodType | undefined,
  where: 'path' | 'query',
  components: Record<string, JsonSchema>,
) => {
  if (schema === undefined) return [];
  const json = toSchema(schema, 'input', components) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
    ...(typeof property.description === 'string' && { description: property.description }),
  }));
};

/**
 * The OpenAPI 3.1 document of the given routes, generated from the very schemas the handlers
 * validate with, so the document cannot drift from the behaviour.
 */
export const buildOpenApiDocument = ({
  routes,
  version,
}: {
  routes: readonly HttpRoute<never>[];
  version: string;
}) => {
  const components: Record<string, JsonSchema> = {};
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const operation = {
      operationId: `${route.method.toLowerCase()}${route.path.replace(/[{}]/g, '').replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase())}`,
      summary: route.summary,
      tags: [route.tag],
      security: SECURITY[route.auth],
      parameters: [
        ...parametersOf(route.params, 'path', components),
        ...parametersOf(route.query, 'query', components),
      ],
      ...(route.body !== undefined && {
        requestBody: {
          required: true,
          content: { 'application/json': { schema: toSchema(route.body, 'input', components) } },
        },
      }),
      responses: Object.fromEntries(
        Object.entries(route.responses).map(([status, response]) => [
          status,
          {
            description: response.description,
            ...(response.schema !== undefined && {
              content: {
                [response.contentType ?? 'application/json']: {
                  schema: toSchema(response.schema, 'output', components),
                },
              },
            }),
            ...(response.schema === undefined &&
              response.contentType !== undefined && {
                content: { [response.contentType]: { schema: { type: 'string' } } },
              }),
          },
        ]),
      ),
    };
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Shoal API',
      version,
      description:
        'Customer segments for storefronts, event tracking, one-click unsubscribe, and the admin routes behind the dashboard and CLI. Errors are always { "error": { "code", "message", "details" } }.',
    },
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        adminJwt: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A Cognito access token in AWS; the admin key `shoal dev` prints, locally.',
        },
        storefrontKey: { type: 'apiKey', in: 'header', name: 'x-shoal-storefront-key' },
      },
    },
  };
};
