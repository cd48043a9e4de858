import { compile } from 'html-to-text';
import { Liquid, LiquidError, type Template } from 'liquidjs';
import type { CampaignContent } from './campaign';
import { InvalidTemplateError } from './invalid-template-error';
import type { TemplateValue } from './recipient-candidate';
import {
  type KnownVariables,
  sampleTemplateContext,
  standardVariables,
} from './template-variables';

// Dates render in UTC, not in whatever zone the Lambda happens to run in.
const sharedOptions = {
  strictVariables: true,
  strictFilters: true,
  ownPropertyOnly: true,
  timezoneOffset: 0,
};
/** HTML bodies escape every output so a profile value cannot inject markup. */
const htmlEngine = new Liquid({ ...sharedOptions, outputEscape: 'escape' });
/** Subject, preheader and text are not HTML: escaping would show `&amp;` to the reader. */
const plainEngine = new Liquid(sharedOptions);

type Field = keyof CampaignContent;
const fields: readonly Field[] = ['subject', 'preheader', 'html', 'text'];
const engineFor = (field: Field): Liquid => (field === 'html' ? htmlEngine : plainEngine);

/** Parsed templates, reused for every recipient of a send. */
export type CompiledContent = Partial<Record<Field, Template[]>>;

export interface RenderedContent {
  subject: string;
  preheader?: string;
  html: string;
  text: string;
}

const lineOf = (error: LiquidError): number | undefined => {
  const line = error.token?.getPosition()[0];
  return typeof line === 'number' ? line : undefined;
};

const undefinedVariableIn = (message: string): string | undefined =>
  /undefined variable: ([\w.]+)/.exec(message)?.[1];

const toInvalid = (field: Field, error: unknown): InvalidTemplateError => {
  if (!(error instanceof LiquidError)) throw error;
  const firstLine = error.message.split('\n')[0] ?? error.message;
  return new InvalidTemplateError(
    `${field}: ${firstLine}`,
    field,
    lineOf(error),
    undefinedVariableIn(firstLine),
  );
};

const parseField = (field: Field, source: string): Template[] => {
  try {
    return engineFor(field).parse(source);
  } catch (error) {
    throw toInvalid(field, error);
  }
};

/** Parses every template of the content; throws InvalidTemplateError with the line when one does not parse. */
export const compileCampaignContent = (content: CampaignContent): CompiledContent =>
  Object.fromEntries(
    fields.flatMap((field) => {
      const source = content[field];
      return source === undefined ? [] : [[field, parseField(field, source)]];
    }),
  );

/**
 * Rejects content that a send could not render.
 * 1. Every template parses.
 * 2. Static analysis: every variable the template reads from outside itself is a known variable;
 *    the first unknown one is reported with its line.
 * 3. Every template renders against a sample context holding all known variables, which catches
 *    what analysis cannot see (bad filter arguments, strict lookups inside tags).
 */
export const validateCampaignContent = ({
  content,
  knownVariables,
}: {
  content: CampaignContent;
  knownVariables: KnownVariables;
}): CompiledContent => {
  const known = { ...standardVariables, ...knownVariables };
  const compiled = compileCampaignContent(content);
  const sample = sampleTemplateContext(known);
  for (const field of fields) {
    const templates = compiled[field];
    if (!templates) continue;
    const engine = engineFor(field);
    const { globals } = engine.analyzeSync(templates);
    for (const [name, uses] of Object.entries(globals)) {
      if (name in known) continue;
      const line = uses[0]?.location.row;
      throw new InvalidTemplateError(
        `${field}: unknown variable "${name}"${line === undefined ? '' : ` on line ${line}`}`,
        field,
        line,
        name,
      );
    }
    try {
      engine.renderSync(templates, sample);
    } catch (error) {
      throw toInvalid(field, error);
    }
  }
  return compiled;
};

/** Compiled once: building the converter costs more than converting one message. */
const htmlToText: (html: string) => string = compile({
  wordwrap: 78,
  selectors: [
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    { selector: 'img', format: 'skip' },
  ],
});

/** Renders the content for one recipient; the text part is derived from the HTML when not written. */
export const renderCampaignContent = ({
  compiled,
  context,
}: {
  compiled: CompiledContent;
  context: Record<string, TemplateValue>;
}): RenderedContent => {
  const render = (field: Field): string | undefined => {
    const templates = compiled[field];
    return templates ? String(engineFor(field).renderSync(templates, context)) : undefined;
  };
  const html = render('html') ?? '';
  return {
    // Header values cannot hold line breaks; a template spanning lines still makes one subject.
    subject: (render('subject') ?? '').replace(/\s*[\r\n]+\s*/g, ' ').trim(),
    preheader: render('preheader')?.trim(),
    html,
    text: render('text') ?? htmlToText(html),
  };
};
