import type { AttributeValue } from '../customers/customer-profile';
import { formatColumnTarget, type ColumnTarget, type TargetField } from './column-target';
import { FIELD_PARSERS, InvalidValue, type ParseContext } from './field-parsers';
import { parseAttributeValue } from './parse-attribute-value';
import type { ColumnMapping } from './resolve-column-mapping';
import type { RowWarning } from './row-issues';

/** A field value that was present but unusable, before the kind decides: warning or rejection. */
export interface FieldIssue extends RowWarning {
  field: TargetField;
}

/** A row's cells sorted into fields and attributes, before kind-specific checks. */
export interface RowDraft {
  line: number;
  fields: Partial<Record<TargetField, unknown>>;
  /** Profile inputs that are not stored as read (address, consent columns, raw phone…). */
  inputs: Partial<Record<TargetField, unknown>> | undefined;
  attributes: Record<string, AttributeValue> | undefined;
  issues: FieldIssue[] | undefined;
}

type CellReader = (text: string, draft: RowDraft) => void;

/** Fields where several columns add up rather than overwrite (Kidhome + Teenhome = children). */
const ADDITIVE: ReadonlySet<TargetField> = new Set(['children']);

/**
 * Profile fields that need the whole row before they can be stored; they are read into `inputs`
 * so every other profile field lands directly in the row's final fields object.
 */
const PROFILE_INPUTS: ReadonlySet<TargetField> = new Set([
  'email',
  'phone',
  'address',
  'fullName',
  'consent',
  'optOut',
  'consentAt',
  'updatedAt',
]);

const readField = (
  field: TargetField,
  column: string,
  context: ParseContext,
  isInput: boolean,
): CellReader => {
  const parse = FIELD_PARSERS[field];
  const additive = ADDITIVE.has(field);
  return (text, draft) => {
    const value = parse(text, context);
    if (value === undefined) return;
    if (value instanceof InvalidValue) {
      (draft.issues ??= []).push({
        line: draft.line,
        column,
        value: text,
        reason: value.reason,
        field,
      });
    } else if (isInput) {
      (draft.inputs ??= {})[field] = value;
    } else if (additive && typeof draft.fields[field] === 'number') {
      draft.fields[field] = (draft.fields[field] as number) + (value as number);
    } else {
      draft.fields[field] = value;
    }
  };
};

const isBlank = (text: string): boolean => {
  const first = text.charCodeAt(0);
  // Only cells starting with whitespace pay for a trim.
  return first === 0x20 || first === 0x09 || first === 0xa0 ? text.trim() === '' : false;
};

/**
 * A file's compiled column plan: one cell reader per column, built once, so reading a row is a
 * loop of function calls with no per-row lookups, regex construction or schema parsing.
 */
export class RowReader {
  private readonly readers: (CellReader | undefined)[] = [];
  /**
   * The attribute each column feeds, if any. Attributes are stored by the read loop itself
   * rather than by per-column closures: one store site that sees every key is several times
   * cheaper than many closures sharing feedback, most of all on a cold single pass.
   */
  private readonly attributeNames: (string | undefined)[] = [];
  private readonly indexByHeader = new Map<string, number>();
  private readonly columnByField = new Map<TargetField, string>();
  private readonly targets: ColumnTarget[] = [];
  readonly headers: string[] = [];

  constructor(
    private readonly mapping: ColumnMapping,
    private readonly context: ParseContext,
    headers: readonly string[] = [],
  ) {
    const additiveCounts = new Map<TargetField, number>();
    for (const header of headers) {
      const target = mapping.resolve(header);
      if (target.to === 'field' && ADDITIVE.has(target.field)) {
        additiveCounts.set(target.field, (additiveCounts.get(target.field) ?? 0) + 1);
      }
    }
    for (const header of headers) this.addColumn(header, additiveCounts);
  }

  /** The header a field was read from, for warnings raised after the row is assembled. */
  columnFor(field: TargetField): string {
    return this.columnByField.get(field) ?? field;
  }

  hasColumn(field: TargetField): boolean {
    return this.columnByField.has(field);
  }

  /** The customer reference columns this file has, for naming the column when none is filled. */
  customerRefField(): TargetField {
    const fields: TargetField[] = ['customerExternalId', 'customerEmail', 'customerRef'];
    return fields.find((field) => this.columnByField.has(field)) ?? 'customerExternalId';
  }

  /** Header → field, in the mapping notation, as the import report shows it. */
  mappingUsed(): Record<string, string> {
    return Object.fromEntries(
      this.headers.map((header, i) => [
        header,
        formatColumnTarget(this.targets[i] ?? { to: 'ignore' }),
      ]),
    );
  }

  read(line: number, values: readonly string[]): RowDraft {
    const draft: RowDraft = {
      line,
      fields: {},
      inputs: undefined,
      attributes: undefined,
      issues: undefined,
    };
    const readers = this.readers;
    const names = this.attributeNames;
    let attributes: Record<string, AttributeValue> | undefined;
    const count = Math.min(values.length, readers.length);
    for (let i = 0; i < count; i++) {
      const text = values[i] as string;
      if (text === '' || isBlank(text)) continue;
      const name = names[i];
      if (name !== undefined) {
        const value = parseAttributeValue(text);
        if (value !== undefined) (attributes ??= {})[name] = value;
      }
      readers[i]?.(text, draft);
    }
    draft.attributes = attributes;
    return draft;
  }

  /** Reads a flattened JSON object; keys first seen here get a reader compiled on the spot. */
  readObject(line: number, object: Record<string, string>): RowDraft {
    const draft: RowDraft = {
      line,
      fields: {},
      inputs: undefined,
      attributes: undefined,
      issues: undefined,
    };
    let attributes: Record<string, AttributeValue> | undefined;
    for (const key in object) {
      const text = object[key] as string;
      if (text === '' || isBlank(text)) continue;
      const index = this.indexByHeader.get(key) ?? this.addColumn(key);
      const name = this.attributeNames[index];
      if (name !== undefined) {
        const value = parseAttributeValue(text);
        if (value !== undefined) (attributes ??= {})[name] = value;
      }
      this.readers[index]?.(text, draft);
    }
    draft.attributes = attributes;
    return draft;
  }

  private addColumn(header: string, additiveCounts?: Map<TargetField, number>): number {
    const target = this.mapping.resolve(header);
    const index = this.headers.length;
    this.headers.push(header);
    this.targets.push(target);
    this.indexByHeader.set(header, index);
    const summed = target.to === 'field' && (additiveCounts?.get(target.field) ?? 0) > 1;
    // A sum loses which column said what, so summed columns are also kept as attributes.
    this.attributeNames.push(target.to === 'attribute' ? target.name : summed ? header : undefined);
    this.readers.push(target.to === 'field' ? this.compileField(header, target.field) : undefined);
    return index;
  }

  private compileField(header: string, field: TargetField): CellReader {
    this.columnByField.set(field, header);
    const isInput = this.mapping.kind === 'customers' && PROFILE_INPUTS.has(field);
    return readField(field, header, this.context, isInput);
  }
}
