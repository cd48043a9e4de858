/**
 * Frozen empty values shared by every customer without categories, events or tags: a million
 * customers would otherwise allocate a million identical empty objects per field.
 */
export const NO_COUNTS = Object.freeze({}) as Record<string, never>;
export const NO_VALUES = Object.freeze([]) as unknown as never[];
