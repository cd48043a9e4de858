// @ts-check
import { ApiError } from '../shared/api-client.js';
import { debounce, definitions, h } from '../shared/dom.js';
import { clearFieldIssues, showFieldIssues } from '../shared/field-issues.js';
import { pageHeading, problemList } from '../shared/page-states.js';
import { hrefTo } from '../shared/router.js';

const ESTIMATE_DELAY_MS = 400;

/**
 * @typedef {import('../shared/api-types.js').SegmentSummary} SegmentSummary
 * @typedef {{ audience: number, eligible: number, ineligible: { missingEmail: number, invalidEmail: number, noConsent: number, suppressed: number }, suppressedByReason: Record<string, number>, heldOut: number, postponed: number }} Estimate
 * @typedef {import('../shared/format.js').Format} Format
 */

/** Suppression reasons as a marketer says them; a reason added later shows as the API names it. */
const SUPPRESSION_WORDS = /** @type {Record<string, string>} */ ({
  unsubscribed: 'unsubscribed',
  'hard-bounce': 'hard bounce',
  complaint: 'complaint',
  erased: 'erased',
});

/**
 * Who the estimate leaves out and why, and who it holds out.
 * @param {Estimate} estimate
 * @param {Format} format
 */
const estimateBreakdown = (estimate, format) => {
  const { missingEmail, invalidEmail, noConsent, suppressed } = estimate.ineligible;
  const reasons = Object.entries(estimate.suppressedByReason)
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => `${format.integer(count)} ${SUPPRESSION_WORDS[reason] ?? reason}`);
  return definitions([
    ['Held out (not mailed, to measure uplift)', format.integer(estimate.heldOut)],
    ['Over the frequency cap now (mailed later)', format.integer(estimate.postponed)],
    ['Not mailed: no marketing consent', format.integer(noConsent)],
    [
      'Not mailed: suppressed',
      `${format.integer(suppressed)}${reasons.length > 0 ? ` (${reasons.join(', ')})` : ''}`,
    ],
    ['Not mailed: no e-mail address', format.integer(missingEmail)],
    ['Not mailed: invalid e-mail address', format.integer(invalidEmail)],
  ]);
};

/**
 * Why there is no estimate, in words; a 400 about the holdout is also shown next to its field.
 * @param {unknown} error
 * @param {HTMLElement} holdout
 */
const reportEstimateProblem = (error, holdout) => {
  if (error instanceof ApiError && error.status === 409)
    return 'No estimate yet: there has been no segmentation run. Upload an export and come back once the first run is complete.';
  const unplaced = showFieldIssues(error, new Map([['holdoutPercent', holdout]]));
  if (error instanceof ApiError && error.status === 400 && unplaced.length === 0)
    return 'No estimate: see the marked field.';
  return `No estimate: ${error instanceof Error ? error.message : String(error)}`;
};

/**
 * A group of segment checkboxes.
 * @param {string} legend
 * @param {string} name
 * @param {SegmentSummary[]} segments
 * @param {(segment: SegmentSummary) => string} describe
 */
const segmentChoices = (legend, name, segments, describe) =>
  h(
    'fieldset',
    { class: 'choices' },
    h('legend', {}, legend),
    ...segments.map((segment) => {
      const id = `${name}-${segment.segmentId.replace(/[^a-z0-9_-]/gi, '-')}`;
      return h(
        'div',
        {},
        h('input', { type: 'checkbox', id, name, value: segment.segmentId }),
        h(
          'label',
          { for: id },
          `${segment.name} `,
          h('span', { class: 'hint' }, describe(segment)),
        ),
      );
    }),
  );

/** @param {HTMLFormElement} form @param {string} name */
const checked = (form, name) =>
  [...form.querySelectorAll(`input[name="${name}"]:checked`)].map(
    (input) => /** @type {HTMLInputElement} */ (input).value,
  );

/**
 * The campaign is created as a draft here; preview, test send, scheduling and sending happen on
 * its own page, because the preview and test-send routes work on a saved campaign.
 * @type {import('../shared/page-context.js').Page}
 */
export const campaignBuilderPage = {
  title: () => 'New campaign',
  render: async ({ api, format, show, signal }) => {
    /** @type {{ segments: SegmentSummary[] }} */
    const { segments } = await api.get('v1/segments', signal);
    const describe = (/** @type {SegmentSummary} */ segment) =>
      `(${format.integer(segment.customers)})`;
    const eligible = h('output', { id: 'eligible-count', 'aria-live': 'polite' }, '—');
    const eligibleNote = h('span', { class: 'hint' }, 'Choose at least one segment.');
    const breakdown = h('div', { id: 'estimate-breakdown' });
    const holdout = h('input', {
      id: 'campaign-holdout',
      name: 'holdoutPercent',
      type: 'number',
      min: 0,
      max: 50,
      step: 1,
      value: 10,
    });
    const problems = h('div', { role: 'alert' });
    let estimateSequence = 0;

    const form = h(
      'form',
      { class: 'builder' },
      h('label', { for: 'campaign-name' }, 'Campaign name'),
      h('input', { id: 'campaign-name', name: 'name', required: true }),
      segmentChoices('Send to customers in any of', 'include', segments, describe),
      segmentChoices('Except customers in', 'exclude', segments, describe),
      h(
        'label',
        { for: 'campaign-holdout' },
        'Hold out (% of the eligible not mailed, to measure uplift)',
      ),
      holdout,
      h('p', { class: 'live-count' }, eligible, ' ', eligibleNote),
      breakdown,
      h('label', { for: 'campaign-subject' }, 'Subject'),
      h('input', { id: 'campaign-subject', name: 'subject', required: true }),
      h('label', { for: 'campaign-preheader' }, 'Preheader (optional)'),
      h('input', { id: 'campaign-preheader', name: 'preheader' }),
      h(
        'label',
        { for: 'campaign-html' },
        'Body (HTML; Liquid variables such as {{ first_name }} or {{ unsubscribe_url }})',
      ),
      h('textarea', { id: 'campaign-html', name: 'html', rows: 10, required: true, class: 'code' }),
      h('label', { for: 'campaign-text' }, 'Plain-text body (optional: generated from the HTML)'),
      h('textarea', { id: 'campaign-text', name: 'text', rows: 4, class: 'code' }),
      problems,
      h('button', { type: 'submit' }, 'Save draft'),
    );

    const audience = () => ({
      segmentIds: checked(form, 'include'),
      excludedSegmentIds: checked(form, 'exclude'),
    });
    const holdoutPercent = () => Number(holdout.value || 0);
    /**
     * @param {Estimate | undefined} estimate
     * @param {string} [note] why there is none
     */
    const showEstimate = (estimate, note) => {
      eligible.textContent = estimate ? format.integer(estimate.eligible) : '—';
      eligibleNote.textContent = estimate
        ? `eligible of ${format.integer(estimate.audience)} in the audience, as of the last segmentation run.`
        : (note ?? '');
      breakdown.replaceChildren(...(estimate ? [estimateBreakdown(estimate, format)] : []));
    };
    const refreshEstimate = debounce(async () => {
      const sequence = ++estimateSequence;
      const wanted = audience();
      clearFieldIssues(form);
      if (wanted.segmentIds.length === 0) {
        showEstimate(undefined, 'Choose at least one segment.');
        return;
      }
      eligibleNote.textContent = 'Counting…';
      try {
        /** @type {Estimate} */
        const estimate = await api.post('v1/campaigns/audience-estimate', {
          audience: wanted,
          holdoutPercent: holdoutPercent(),
        });
        if (sequence !== estimateSequence) return;
        showEstimate(estimate);
      } catch (error) {
        if (sequence !== estimateSequence) return;
        showEstimate(undefined, reportEstimateProblem(error, holdout));
      }
    }, ESTIMATE_DELAY_MS);
    form.addEventListener('change', (event) => {
      if (event.target instanceof HTMLInputElement && event.target.type === 'checkbox')
        refreshEstimate();
    });
    holdout.addEventListener('input', refreshEstimate);

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const field = (/** @type {string} */ name) => String(data.get(name) ?? '').trim();
      try {
        /** @type {{ campaignId: string }} */
        const campaign = await api.post('v1/campaigns', {
          name: field('name'),
          audience: audience(),
          content: {
            subject: field('subject'),
            preheader: field('preheader') || undefined,
            html: field('html'),
            text: field('text') || undefined,
          },
          holdoutPercent: holdoutPercent(),
        });
        location.hash = hrefTo(['campaigns', campaign.campaignId]);
      } catch (error) {
        problems.replaceChildren(problemList(error));
      }
    });

    show(pageHeading('New campaign'), form);
  },
};
