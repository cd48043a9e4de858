import { ValidationError } from '../shared/errors';
import { normaliseHeader, SYNONYMS } from './column-synonyms';
import { parseColumnTarget, TARGETS_BY_KIND, type ColumnTarget } from './column-target';
import { detectPreset, findPreset, type ExportPreset } from './export-presets';
import type { ImportKind } from './import-kind';
import type { DateFormat, ImportMapping, OrderRules } from './import-mapping';

/** How this file's columns are read; `resolve` also answers for JSON keys first seen mid-file. */
export interface ColumnMapping {
  kind: ImportKind;
  preset?: string;
  rules: OrderRules;
  /** The date format the mapping imposes, or the preset's fallback when the data cannot tell. */
  dateFormat?: { format: DateFormat; source: 'mapping' | 'preset' };
  resolve(header: string): ColumnTarget;
}

const toTargets = (columns: Readonly<Record<string, string>>): Map<string, ColumnTarget> => {
  const targets = new Map<string, ColumnTarget>();
  for (const [header, text] of Object.entries(columns)) {
    const target = parseColumnTarget(text);
    if (target) targets.set(normaliseHeader(header), target);
  }
  return targets;
};

/** An orders field in a customers mapping is a mistake the user should hear about, not silence. */
const assertFieldsFitKind = (columns: Readonly<Record<string, string>>, kind: ImportKind): void => {
  for (const [header, text] of Object.entries(columns)) {
    const target = parseColumnTarget(text);
    if (target?.to === 'field' && !TARGETS_BY_KIND[kind].has(target.field)) {
      throw new ValidationError(
        `invalid import mapping at columns.${header}: "${text}" is not a field of ${kind} imports`,
        ['columns', header],
      );
    }
  }
};

const detectKind = (headers: readonly string[]): ImportKind => {
  const fieldsFor = (kind: ImportKind) =>
    new Set(headers.map((header) => SYNONYMS[kind].get(normaliseHeader(header))));
  const orderFields = fieldsFor('orders');
  if (
    orderFields.has('orderId') &&
    (orderFields.has('orderedAt') || orderFields.has('total') || orderFields.has('unitPrice'))
  ) {
    return 'orders';
  }
  const eventFields = fieldsFor('events');
  if (eventFields.has('eventType') && eventFields.has('occurredAt')) return 'events';
  return 'customers';
};

const choosePreset = (
  headers: readonly string[],
  kind: ImportKind | undefined,
  mapping: ImportMapping | undefined,
): ExportPreset | undefined => {
  if (mapping?.preset) {
    const named = findPreset(mapping.preset);
    if (!named) throw new ValidationError(`unknown preset "${mapping.preset}"`, ['preset']);
    if (kind && named.kind !== kind) {
      throw new ValidationError(`preset "${named.name}" reads ${named.kind}, not ${kind}`, [
        'preset',
      ]);
    }
    return named;
  }
  const detected = detectPreset(headers);
  return detected && (!kind || detected.kind === kind) ? detected : undefined;
};

/**
 * Decides how to read a file's columns.
 * 1. Takes the preset the mapping names, else the one whose header signature matches.
 * 2. Takes the kind from the caller (the key prefix), else the preset, else the headers.
 * 3. Resolves each header: explicit mapping, then preset columns and prefixes, then the synonym
 *    table; anything left is a custom attribute (an event property), or ignored in orders.
 */
export const resolveColumnMapping = ({
  headers,
  kind,
  mapping,
}: {
  headers: readonly string[];
  kind?: ImportKind;
  mapping?: ImportMapping;
}): ColumnMapping => {
  const preset = choosePreset(headers, kind, mapping);
  const resolvedKind = kind ?? preset?.kind ?? detectKind(headers);
  const explicit = toTargets(mapping?.columns ?? {});
  assertFieldsFitKind(mapping?.columns ?? {}, resolvedKind);
  const presetColumns = toTargets(preset?.columns ?? {});
  const prefixes = preset?.prefixes ?? [];
  const synonyms = SYNONYMS[resolvedKind];

  const fallback = (name: string): ColumnTarget => {
    const field = synonyms.get(normaliseHeader(name));
    if (field) return { to: 'field', field };
    return resolvedKind === 'orders' ? { to: 'ignore' } : { to: 'attribute', name };
  };

  const resolve = (header: string): ColumnTarget => {
    const normalised = normaliseHeader(header);
    const chosen = explicit.get(normalised) ?? presetColumns.get(normalised);
    if (chosen) return chosen;
    const prefix = prefixes.find((candidate) => header.startsWith(candidate));
    return fallback(prefix ? header.slice(prefix.length) : header);
  };

  const dateFormat = mapping?.dateFormat
    ? { format: mapping.dateFormat, source: 'mapping' as const }
    : preset?.dateFormat
      ? { format: preset.dateFormat, source: 'preset' as const }
      : undefined;
  return {
    kind: resolvedKind,
    ...(preset ? { preset: preset.name } : {}),
    rules: { ...preset?.rules, ...mapping?.rules },
    ...(dateFormat ? { dateFormat } : {}),
    resolve,
  };
};
