import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * Who may call a route. API Gateway enforces it in AWS (JWT authorizer for `admin`); the local
 * adapter enforces it the same way; the storefront key and unsubscribe tokens are checked by the
 * storefront function itself.
 */
export type RouteAuth = 'admin' | 'storefront' | 'token' | 'open';

/** Which Lambda serves the route: the storefront one is small and read-mostly. */
export type ApiFunctionName = 'admin' | 'storefront';

export interface HttpResponse {
  /** 200 unless said otherwise. */
  status?: number;
  /** Serialised as JSON unless `text` is given. */
  body?: unknown;
  /** A non-JSON body (CSV, HTML), sent with `contentType`. */
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteRequest<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** Lower-cased names, as API Gateway delivers them. */
  headers: Record<string, string | undefined>;
  requestId: string;
}

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** `application/json` when absent. */
  contentType?: string;
}

interface RouteSpec<Deps, P, Q, B> {
  method: HttpMethod;
  /** API Gateway's template syntax: `/v1/customers/{customerId}/segments`. */
  path: string;
  function: ApiFunctionName;
  auth: RouteAuth;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  /** Larger bodies get a 413 before parsing; 256 KiB when absent. */
  maxBodyBytes?: number;
  responses: Record<number, ResponseSpec>;
  handle(
    request: RouteRequest<Infer<P>, Infer<Q>, Infer<B>>,
    deps: Deps,
  ): Promise<HttpResponse> | HttpResponse;
}

/** A route with its schemas' types erased, as the dispatcher, OpenAPI and CDK see it. */
export type HttpRoute<Deps> = RouteSpec<
  Deps,
  z.ZodType | undefined,
  z.ZodType | undefined,
  z.ZodType | undefined
> & {
  handle(
    request: RouteRequest<unknown, unknown, unknown>,
    deps: Deps,
  ): Promise<HttpResponse> | HttpResponse;
};

/** Declares a route, inferring the handler's argument types from its schemas. */
export const defineRoute = <
  Deps,
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(
  spec: RouteSpec<Deps, P, Q, B>,
): HttpRoute<Deps> => spec as unknown as HttpRoute<Deps>;

/** API Gateway's route key: `GET /v1/customers/{customerId}/segments`. */
export const routeKeyOf = (route: { method: HttpMethod; path: string }): string =>
  `${route.method} ${route.path}`;
