// @ts-check
import { debounce, h } from '../shared/dom.js';
import { pageHeading, problemList } from '../shared/page-states.js';
import { hrefTo } from '../shared/router.js';

const ESTIMATE_DELAY_MS = 400;

/**
 * @typedef {import('../shared/api-types.js').SegmentSummary} SegmentSummary
 * @typedef {{ audience: number, eligible: number, ineligible: { missingEmail: number, noConsent: number, suppressed: number }, postponed: number }} Estimate
 */

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
    const problems = h('div', { role: 'alert' });
    let estimateSequence = 0;

    const form = h(
      'form',
      { class: 'builder' },
      h('label', { for: 'campaign-name' }, 'Campaign name'),
      h('input', { id: 'campaign-name', name: 'name', required: true }),
      segmentChoices('Send to customers in any of', 'include', segments, describe),
      segmentChoices('Except customers in', 'exclude', segments, describe),
      h('p', { class: 'live-count' }, eligible, ' ', eligibleNote),
      h(
        'label',
        { for: 'campaign-holdout' },
        'Hold out (% of the audience not mailed, to measure uplift)',
      ),
      h('input', {
        id: 'campaign-holdout',
        name: 'holdoutPercent',
        type: 'number',
        min: 0,
        max: 50,
        step: 1,
        value: 10,
      }),
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
    const refreshEstimate = debounce(async () => {
      const sequence = ++estimateSequence;
      const wanted = audience();
      if (wanted.segmentIds.length === 0) {
        eligible.textContent = '—';
        eligibleNote.textContent = 'Choose at least one segment.';
        return;
      }
      eligibleNote.textContent = 'Counting…';
      try {
        /** @type {Estimate} */
        const estimate = await api.post('v1/campaigns/audience-estimate', { audience: wanted });
        if (sequence !== estimateSequence) return;
        eligible.textContent = format.integer(estimate.eligible);
        const { missingEmail, noConsent, suppressed } = estimate.ineligible;
        eligibleNote.textContent =
          `eligible of ${format.integer(estimate.audience)} in the audience ` +
          `(${format.integer(noConsent)} without consent, ${format.integer(suppressed)} suppressed, ` +
          `${format.integer(missingEmail)} without e-mail; ${format.integer(estimate.postponed)} over the frequency cap now).`;
      } catch (error) {
        if (sequence !== estimateSequence) return;
        eligible.textContent = '—';
        eligibleNote.textContent = `No estimate: ${error instanceof Error ? error.message : String(error)}`;
      }
    }, ESTIMATE_DELAY_MS);
    form.addEventListener('change', (event) => {
      if (event.target instanceof HTMLInputElement && event.target.type === 'checkbox')
        refreshEstimate();
    });

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
          holdoutPercent: Number(field('holdoutPercent') || 0),
        });
        location.hash = hrefTo(['campaigns', campaign.campaignId]);
      } catch (error) {
        problems.replaceChildren(problemList(error));
      }
    });

    show(pageHeading('New campaign'), form);
  },
};
