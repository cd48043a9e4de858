import { describe, expect, it } from 'vitest';
import { parseImportMapping } from '../../../core/ingest/import-mapping';
import { ValidationError } from '../../../core/shared/errors';

const errorOf = (input: unknown): ValidationError => {
  try {
    parseImportMapping(input);
  } catch (error) {
    if (error instanceof ValidationError) return error;
  }
  throw new Error('expected a ValidationError');
};

describe('parseImportMapping', () => {
  it('returns the mapping when it names fields, attributes and ignored columns', () => {
    const mapping = {
      preset: 'shopify-customers',
      columns: { Handle: 'externalId', Score: 'attributes.score', Junk: 'ignore' },
      dateFormat: 'dmy',
    };

    expect(parseImportMapping(mapping)).toEqual(mapping);
  });

  it('throws a ValidationError naming the column whose target is not a field', () => {
    const error = errorOf({ columns: { Email: 'emial' } });

    expect(error.path).toEqual(['columns', 'Email']);
    expect(error.message).toContain('columns.Email');
    expect(error.message).toContain('"emial"');
  });

  it('throws a ValidationError naming an unknown date format or key', () => {
    expect(errorOf({ dateFormat: 'ymd' }).path).toEqual(['dateFormat']);
    expect(errorOf({ colums: {} }).message).toContain('colums');
  });
});
