import { describe, expect, it } from 'vitest';
import {
  compileCampaignContent,
  renderCampaignContent,
  validateCampaignContent,
} from '../../../core/campaigns/campaign-template';
import { InvalidTemplateError } from '../../../core/campaigns/invalid-template-error';
import { previewCampaign } from '../../../core/campaigns/preview-campaign';
import { fixedClock } from '../../../core/shared/clock';
import { campaign, candidate, keys, sender } from './fixtures';

const known = { rfm_segment: 'string', last_order_date: 'date' } as const;

const rejection = (html: string): InvalidTemplateError => {
  try {
    validateCampaignContent({ content: { subject: 'Hello', html }, knownVariables: known });
  } catch (error) {
    if (error instanceof InvalidTemplateError) return error;
    throw error;
  }
  throw new Error('expected the template to be rejected');
};

describe('validateCampaignContent', () => {
  it('accepts templates that use profile fields, features and filters', () => {
    expect(() =>
      validateCampaignContent({
        content: {
          subject: 'Hi {{ first_name | default: "there" }}',
          html: '<p>{{ rfm_segment }} since {{ last_order_date | date: "%b %d" }}</p>',
        },
        knownVariables: known,
      }),
    ).not.toThrow();
  });

  it('rejects an unknown variable with its name and line', () => {
    const error = rejection('<p>Hello</p>\n<p>{{ loyalty_tier }}</p>');
    expect(error).toMatchObject({
      field: 'html',
      line: 2,
      variable: 'loyalty_tier',
      code: 'validation_failed',
    });
    expect(error.message).toContain('loyalty_tier');
  });

  it('rejects an unknown variable used inside a tag', () => {
    expect(rejection('a\nb\n{% if vip_since %}x{% endif %}')).toMatchObject({
      line: 3,
      variable: 'vip_since',
    });
  });

  it('accepts variables the template assigns itself', () => {
    expect(() =>
      validateCampaignContent({
        content: {
          subject: 's',
          html: '{% assign greeting = "Hi" %}{{ greeting }} {{ first_name }}',
        },
        knownVariables: known,
      }),
    ).not.toThrow();
  });

  it('rejects a template that does not parse, with the line', () => {
    expect(rejection('<p>ok</p>\n\n{% if %}')).toMatchObject({ field: 'html', line: 3 });
    expect(rejection('{{ first_name ')).toBeInstanceOf(InvalidTemplateError);
  });

  it('rejects an unknown filter', () => {
    expect(rejection('line one\n{{ first_name | shout }}').message).toContain('shout');
  });

  it('names the field at fault', () => {
    expect(() =>
      validateCampaignContent({
        content: { subject: '{{ coupon }}', html: '<p/>' },
        knownVariables: known,
      }),
    ).toThrow(expect.objectContaining({ field: 'subject', variable: 'coupon' }));
  });
});

describe('renderCampaignContent', () => {
  const render = (html: string, context: Record<string, string | null>) =>
    renderCampaignContent({
      compiled: compileCampaignContent({ subject: '{{ first_name }} & co', html }),
      context,
    });

  it('escapes profile values in HTML so they cannot inject markup', () => {
    const rendered = render('<p>{{ first_name }}</p>', { first_name: '<script>alert(1)</script>' });
    expect(rendered.html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it('does not HTML-escape the subject', () => {
    expect(render('<p/>', { first_name: 'Tom & Jerry' }).subject).toBe('Tom & Jerry & co');
  });

  it('derives the text part from the HTML when none is written', () => {
    const rendered = render(
      '<h1>Hello {{ first_name }}</h1><p>See <a href="https://shop.example/sale">the sale</a></p>',
      {
        first_name: 'Ada',
      },
    );
    expect(rendered.text).toContain('HELLO ADA');
    expect(rendered.text).toContain('the sale [https://shop.example/sale]');
  });
});

describe('previewCampaign', () => {
  it('renders the message one customer would receive, with the default for a missing name', async () => {
    const preview = await previewCampaign({
      campaign: campaign({
        content: {
          subject: 'Hi {{ first_name | default: "there" }}',
          html: '<p>Last order {{ last_order_date | date: "%b %d" }}, {{ rfm_segment }}</p>',
        },
      }),
      recipient: candidate('c-1', {
        profile: { email: 'c-1@example.com' },
        vars: { rfm_segment: 'champions', last_order_date: '2026-02-14T10:00:00Z' },
      }),
      sender,
      keys,
      clock: fixedClock('2026-03-10T09:00:00Z'),
    });
    expect(preview.subject).toBe('Hi there');
    expect(preview.html).toBe('<p>Last order Feb 14, champions</p>');
    expect(preview.raw.byteLength).toBeGreaterThan(500);
  });
});
