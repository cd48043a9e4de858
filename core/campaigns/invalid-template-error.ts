import { ValidationError } from '../shared/errors';

/** A campaign template that does not parse or uses a variable Shoal cannot fill. */
export class InvalidTemplateError extends ValidationError {
  constructor(
    message: string,
    readonly field: string,
    readonly line: number | undefined,
    readonly variable: string | undefined,
  ) {
    super(message, ['content', field], { line, variable });
  }
}
