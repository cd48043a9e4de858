// @ts-check

/**
 * @template P
 * @typedef {{ pattern: string, page: P }} Route
 */

/**
 * Matches `#/segments/rfm%3Achampions?search=ann` against patterns such as `/segments/:id`.
 * Routes are tried in order, so `/segments/new` must come before `/segments/:id`.
 * @template P
 * @param {Route<P>[]} routes
 * @param {string} hash
 * @returns {{ page: P, params: Record<string, string>, query: URLSearchParams } | undefined}
 */
export const matchRoute = (routes, hash) => {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?', 2);
  const parts = path.split('/').filter(Boolean);
  for (const { pattern, page } of routes) {
    const wanted = pattern.split('/').filter(Boolean);
    if (wanted.length !== parts.length) continue;
    /** @type {Record<string, string>} */
    const params = {};
    const matches = wanted.every((segment, index) => {
      const actual = parts[index] ?? '';
      if (!segment.startsWith(':')) return segment === actual;
      params[segment.slice(1)] = decodeURIComponent(actual);
      return true;
    });
    if (matches) return { page, params, query: new URLSearchParams(search) };
  }
  return undefined;
};

/**
 * A hash for a route with encoded parameters: segment ids contain colons (`rfm:champions`).
 * @param {string[]} parts
 * @param {Record<string, string | number | undefined>} [query]
 */
export const hrefTo = (parts, query = {}) => {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') search.set(name, String(value));
  }
  const suffix = search.size > 0 ? `?${search}` : '';
  return `#/${parts.map(encodeURIComponent).join('/')}${suffix}`;
};
