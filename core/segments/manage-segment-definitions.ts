import type { z } from 'zod';
import type { SegmentStore } from '../ports/segment-store';
import {
  builtInSegmentsOf,
  compileSegmentRules,
  defaultRfmSegmentTable,
  SegmentDefinition,
} from './index';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';

/** What a marketer sends: the id is derived from the name unless given. */
export const SegmentDefinitionInput = SegmentDefinition.partial({ id: true });
export type SegmentDefinitionInput = z.infer<typeof SegmentDefinitionInput>;

/** `High AOV — Sweden` → `high-aov-sweden`. */
export const segmentIdFromName = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);

const builtIns = builtInSegmentsOf(defaultRfmSegmentTable).map((segment) => ({
  id: segment.segmentId,
  name: segment.segmentName,
}));

/** Compiles the whole set as the next run will, so a bad reference or a cycle fails now, not tonight. */
const checkTogether = (definitions: readonly SegmentDefinition[]): void => {
  compileSegmentRules({ definitions, builtInSegments: builtIns });
};

/**
 * Creates a rule segment (ConflictError if the id is taken) or replaces one (NotFoundError if
 * absent).
 * 1. Derive the id from the name when not given.
 * 2. Validate the rule together with every stored definition: unknown fields, references to
 *    missing segments and cycles are 400s naming the rule path.
 * 3. Store it; the next run fills it.
 */
export const saveSegmentDefinition = async ({
  input,
  segments,
  replace,
}: {
  input: SegmentDefinitionInput;
  segments: SegmentStore;
  /** The id being replaced; undefined to create. */
  replace?: string;
}): Promise<SegmentDefinition> => {
  const id = replace ?? input.id ?? segmentIdFromName(input.name);
  if (id === '')
    throw new ValidationError('the name needs a letter or digit to make an id', ['name']);
  if (replace !== undefined && input.id !== undefined && input.id !== replace) {
    throw new ValidationError('the id in the body differs from the one in the path', ['id']);
  }
  const definition = SegmentDefinition.parse({ ...input, id });
  const existing = await segments.listDefinitions();
  const current = existing.find((stored) => stored.id === id);
  if (replace === undefined && current !== undefined) {
    throw new ConflictError(`a segment with id ${id} exists; choose another name or id`, {
      segmentId: id,
    });
  }
  if (replace !== undefined && current === undefined) {
    throw new NotFoundError(`no rule segment ${id}`, { segmentId: id });
  }
  checkTogether([...existing.filter((stored) => stored.id !== id), definition]);
  await segments.saveDefinition(definition);
  return definition;
};

/**
 * Deletes a rule segment. Built-in segments cannot be deleted, nor a segment another rule uses
 * (ConflictError naming them).
 */
export const deleteSegmentDefinition = async ({
  segmentId,
  segments,
}: {
  segmentId: string;
  segments: SegmentStore;
}): Promise<void> => {
  if (segmentId.includes(':')) {
    throw new ConflictError(`${segmentId} is a built-in segment; it cannot be deleted`, {
      segmentId,
    });
  }
  const existing = await segments.listDefinitions();
  if (!existing.some((stored) => stored.id === segmentId)) {
    throw new NotFoundError(`no rule segment ${segmentId}`, { segmentId });
  }
  const remaining = existing.filter((stored) => stored.id !== segmentId);
  const users = remaining.filter((stored) =>
    JSON.stringify(stored.rule).includes(`"segmentId":"${segmentId}"`),
  );
  if (users.length > 0) {
    throw new ConflictError(
      `segment ${segmentId} is used by ${users.map((user) => user.id).join(', ')}; change those first`,
      { segmentId, usedBy: users.map((user) => user.id) },
    );
  }
  await segments.deleteDefinition(segmentId);
};
