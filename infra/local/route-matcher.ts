import { type HttpMethod, routeKeyOf } from '../../functions/api/http-route';

export interface RouteMatch<Route> {
  route: Route;
  routeKey: string;
  pathParameters: Record<string, string>;
}

interface Compiled<Route> {
  route: Route;
  method: HttpMethod;
  pattern: RegExp;
  names: string[];
  /** Literal segments win over `{parameters}`, as in API Gateway: `/by-email/x` before `/{id}`. */
  literalSegments: number;
  /** Greedy routes match last, as in API Gateway. */
  greedy: boolean;
}

const compile = <Route extends { method: HttpMethod; path: string }>(
  route: Route,
): Compiled<Route> => {
  const names: string[] = [];
  const segments = route.path.split('/').slice(1);
  const source = segments
    .map((segment) => {
      const parameter = /^\{([A-Za-z0-9_]+)(\+?)\}$/.exec(segment);
      if (parameter === null) return segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      names.push(parameter[1] as string);
      // `{name+}` is API Gateway's greedy parameter: the rest of the path, slashes included.
      return parameter[2] === '+' ? '(.+)' : '([^/]+)';
    })
    .join('/');
  return {
    route,
    method: route.method,
    pattern: new RegExp(`^/${source}$`),
    names,
    literalSegments: segments.filter((segment) => !segment.startsWith('{')).length,
    greedy: route.path.includes('+}'),
  };
};

/**
 * Matches a request to a route the way API Gateway HTTP APIs do: by method and path template,
 * the most specific template first, path parameters URL-decoded.
 */
export const createRouteMatcher = <Route extends { method: HttpMethod; path: string }>(
  routes: readonly Route[],
) => {
  const compiled = routes
    .map(compile)
    .sort(
      (a, b) =>
        Number(a.greedy) - Number(b.greedy) ||
        b.literalSegments - a.literalSegments ||
        a.names.length - b.names.length,
    );
  return {
    match(method: string, path: string): RouteMatch<Route> | undefined {
      for (const candidate of compiled) {
        if (candidate.method !== method) continue;
        const found = candidate.pattern.exec(path);
        if (found === null) continue;
        const pathParameters = Object.fromEntries(
          candidate.names.map((name, index) => [
            name,
            decodeURIComponent(found[index + 1] as string),
          ]),
        );
        return { route: candidate.route, routeKey: routeKeyOf(candidate.route), pathParameters };
      }
      return undefined;
    },
    /** Whether any route has this path with another method: 405 rather than 404. */
    hasPath(path: string): boolean {
      return compiled.some((candidate) => !candidate.greedy && candidate.pattern.test(path));
    },
  };
};
