// @ts-check

/**
 * @typedef {import('./api-types.js').SegmentSummary} SegmentSummary
 * @typedef {(segmentId: string) => string} NameOf
 */

/**
 * Names by id; an id the catalog no longer has (a deleted rule segment a campaign still names)
 * shows as itself.
 * @param {SegmentSummary[]} segments
 * @returns {NameOf}
 */
export const segmentNamer = (segments) => {
  const names = new Map(segments.map((segment) => [segment.segmentId, segment.name]));
  return (segmentId) => names.get(segmentId) ?? segmentId;
};

/**
 * @param {import('./api-client.js').ApiClient} api
 * @param {AbortSignal} [signal]
 * @returns {Promise<NameOf>}
 */
export const loadSegmentNames = async (api, signal) => {
  /** @type {{ segments: SegmentSummary[] }} */
  const { segments } = await api.get('v1/segments', signal);
  return segmentNamer(segments);
};
