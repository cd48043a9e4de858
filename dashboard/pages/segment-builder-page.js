// @ts-check
import { validationIssues } from '../shared/api-client.js';
import { debounce, h, table } from '../shared/dom.js';
import { clearFieldIssues, showFieldIssues } from '../shared/field-issues.js';
import { pageHeading, problemList } from '../shared/page-states.js';
import { hrefTo } from '../shared/router.js';
import { groupEditor } from './segment-rule-group.js';

/** Long enough to skip the keystrokes of a number being typed, short enough to feel live. */
const PREVIEW_DELAY_MS = 400;

/**
 * @typedef {import('../shared/api-types.js').SampleMember} SampleMember
 * @typedef {import('../shared/api-types.js').SegmentSummary} SegmentSummary
 */

/** @type {import('../shared/page-context.js').Page} */
export const segmentBuilderPage = {
  title: () => 'New segment',
  render: async ({ api, format, show, signal }) => {
    /** @type {[{ segments: SegmentSummary[] }, import('./segment-rule-fields.js').RuleCatalog]} */
    const [{ segments }, catalog] = await Promise.all([
      api.get('v1/segments', signal),
      api.get('v1/rule-catalog', signal),
    ]);
    let previewSequence = 0;
    const count = h('output', { id: 'preview-count', 'aria-live': 'polite' }, '—');
    const countNote = h(
      'span',
      { class: 'hint' },
      'Add a condition to see how many customers match.',
    );
    const words = h('p', { id: 'rule-words', class: 'definition' });
    const sample = h('div', { class: 'sample' });
    const problems = h('div', { role: 'alert' });
    const name = h('input', { id: 'segment-name', name: 'name', required: true });
    const description = h('textarea', { id: 'segment-description', name: 'description', rows: 2 });

    /** @type {Map<string, HTMLElement>} rule path → control, filled by each read of the rule */
    let controls = new Map();
    const currentRule = () => {
      controls = new Map();
      controls.set('name', name);
      controls.set('description', description);
      return root.read('rule', controls);
    };

    /**
     * The API's issues next to their controls; the rest, or the message, above the save button.
     * @param {unknown} error
     */
    const showProblems = (error) => {
      clearFieldIssues(form);
      const unplaced = showFieldIssues(error, controls);
      if (validationIssues(error).length === 0 || unplaced.length > 0) {
        problems.replaceChildren(
          unplaced.length > 0
            ? h(
                'ul',
                { class: 'state state-error' },
                ...unplaced.map((issue) => h('li', {}, `${issue.path}: ${issue.message}`)),
              )
            : problemList(error),
        );
      } else {
        problems.replaceChildren(
          h('p', { class: 'state state-error' }, 'The rule has a problem: see the marked fields.'),
        );
      }
    };
    const clearProblems = () => {
      clearFieldIssues(form);
      problems.replaceChildren();
    };

    const refreshPreview = debounce(async () => {
      const rule = currentRule();
      const sequence = ++previewSequence;
      if (rule === undefined) {
        words.textContent = '';
        count.textContent = '—';
        countNote.textContent = 'Complete every condition to see how many customers match.';
        sample.replaceChildren();
        return;
      }
      countNote.textContent = 'Counting…';
      try {
        /** @type {{ count: number, sample: SampleMember[], definitionText: string }} */
        const preview = await api.post('v1/segments/preview', { rule });
        // A slower answer to an older rule must not overwrite the newer one.
        if (sequence !== previewSequence) return;
        clearProblems();
        // Worded by the API, as the segment page will word the saved rule.
        words.textContent = `Reads as: ${preview.definitionText}`;
        count.textContent = format.integer(preview.count);
        countNote.textContent = 'customers match, in the current run.';
        sample.replaceChildren(
          preview.sample.length === 0
            ? h('p', {}, 'Nobody matches yet.')
            : table({
                caption: `A sample of ${preview.sample.length}`,
                headers: ['Customer', 'E-mail', 'Why'],
                rowHeaders: true,
                rows: preview.sample.map((member) => [
                  h('a', { href: hrefTo(['customers', member.customerId]) }, member.customerId),
                  member.email ?? '—',
                  h(
                    'ul',
                    { class: 'reasons' },
                    ...member.reason.map((reason) => h('li', {}, reason)),
                  ),
                ]),
              }),
        );
      } catch (error) {
        if (sequence !== previewSequence) return;
        count.textContent = '—';
        countNote.textContent = 'No count: the rule has a problem.';
        showProblems(error);
      }
    }, PREVIEW_DELAY_MS);

    const root = groupEditor({ vocabulary: { segments, catalog }, onChange: refreshPreview });

    const form = h(
      'form',
      {
        class: 'builder',
        onsubmit: async (event) => {
          event.preventDefault();
          const rule = currentRule();
          if (rule === undefined) {
            problems.replaceChildren(
              h('p', { class: 'state state-error' }, 'Complete every condition before saving.'),
            );
            return;
          }
          try {
            /** @type {{ segmentId?: string, id?: string }} */
            const saved = await api.post('v1/segments', {
              name: name.value.trim(),
              description: description.value.trim() || undefined,
              rule,
            });
            location.hash = hrefTo(['segments', saved.segmentId ?? saved.id ?? '']);
          } catch (error) {
            showProblems(error);
          }
        },
      },
      h('label', { for: 'segment-name' }, 'Name'),
      name,
      h('label', { for: 'segment-description' }, 'Description (optional)'),
      description,
      root.element,
      words,
      h('p', { class: 'live-count' }, count, ' ', countNote),
      problems,
      h('button', { type: 'submit' }, 'Save segment'),
    );
    show(
      pageHeading('New segment'),
      h(
        'p',
        { class: 'lede' },
        'Describe who belongs; the count updates as you type. The segment fills at the next segmentation run.',
      ),
      form,
      h('section', { 'aria-label': 'Sample of matching customers' }, sample),
    );
    refreshPreview();
  },
};
