// @ts-check
import { debounce, h, table } from '../shared/dom.js';
import { pageHeading, problemList } from '../shared/page-states.js';
import { hrefTo } from '../shared/router.js';
import { OPERATORS, RULE_FIELDS, ruleValue } from './segment-rule-fields.js';

/** Long enough to skip the keystrokes of a number being typed, short enough to feel live. */
const PREVIEW_DELAY_MS = 400;
const OTHER_ATTRIBUTE = 'attributes.';

/**
 * @typedef {import('../shared/api-types.js').SampleMember} SampleMember
 * @typedef {{ element: HTMLFieldSetElement, read: () => unknown }} ConditionRow
 */

let nextRowId = 1;

/**
 * One "field operator value" line. `read` returns its rule node, or undefined while incomplete.
 * @param {() => void} onChange
 * @param {(row: ConditionRow) => void} onRemove
 * @returns {ConditionRow}
 */
const conditionRow = (onChange, onRemove) => {
  const id = `condition-${nextRowId++}`;
  const field = h(
    'select',
    { id: `${id}-field`, name: 'field' },
    ...[...new Set(RULE_FIELDS.map((f) => f.group))].map((group) =>
      h(
        'optgroup',
        { label: group },
        ...RULE_FIELDS.filter((f) => f.group === group).map((f) =>
          h('option', { value: f.path }, f.label),
        ),
      ),
    ),
    h('option', { value: OTHER_ATTRIBUTE }, 'Other attribute (export column)…'),
  );
  const attribute = h('input', {
    id: `${id}-attribute`,
    name: 'attribute',
    placeholder: 'e.g. MntWines',
  });
  const attributeLabel = h('label', { for: `${id}-attribute` }, 'Column');
  const op = h('select', { id: `${id}-op`, name: 'op' });
  const value = h('input', { id: `${id}-value`, name: 'value', autocomplete: 'off' });
  const high = h('input', {
    id: `${id}-high`,
    name: 'high',
    autocomplete: 'off',
    'aria-label': 'and',
  });
  const fieldType = () => RULE_FIELDS.find((f) => f.path === field.value)?.type ?? 'text';

  const sync = () => {
    const type = fieldType();
    const chosen = op.value;
    op.replaceChildren(
      ...OPERATORS[type].map(([code, words]) => h('option', { value: code }, words)),
    );
    if (OPERATORS[type].some(([code]) => code === chosen)) op.value = chosen;
    value.type = type === 'number' && op.value !== 'in' ? 'number' : 'text';
    high.type = value.type;
    const custom = field.value === OTHER_ATTRIBUTE;
    attribute.hidden = !custom;
    attributeLabel.hidden = !custom;
    value.hidden = op.value === 'exists' || op.value === 'missing';
    high.hidden = op.value !== 'between';
  };
  field.addEventListener('change', () => {
    sync();
    onChange();
  });
  op.addEventListener('change', () => {
    sync();
    onChange();
  });
  for (const input of [value, high, attribute]) input.addEventListener('input', onChange);
  sync();

  /** @type {ConditionRow} */
  const row = {
    element: h(
      'fieldset',
      { class: 'condition' },
      h('legend', { class: 'visually-hidden' }, 'Condition'),
      h('label', { for: `${id}-field` }, 'Field'),
      field,
      attributeLabel,
      attribute,
      h('label', { for: `${id}-op` }, 'Operator'),
      op,
      h('label', { for: `${id}-value` }, 'Value'),
      value,
      high,
      h('button', { type: 'button', class: 'secondary', onclick: () => onRemove(row) }, 'Remove'),
    ),
    read: () => {
      const path =
        field.value === OTHER_ATTRIBUTE
          ? `${OTHER_ATTRIBUTE}${attribute.value.trim()}`
          : field.value;
      if (path === OTHER_ATTRIBUTE) return undefined;
      const needsValue = !value.hidden;
      if (needsValue && value.value.trim() === '') return undefined;
      if (!high.hidden && high.value.trim() === '') return undefined;
      return {
        type: 'compare',
        field: path,
        op: op.value,
        value: ruleValue(fieldType(), op.value, value.value, high.value),
      };
    },
  };
  return row;
};

/** @type {import('../shared/page-context.js').Page} */
export const segmentBuilderPage = {
  title: () => 'New segment',
  render: async ({ api, format, show }) => {
    /** @type {ConditionRow[]} */
    let rows = [];
    let previewSequence = 0;
    const list = h('div', { class: 'conditions' });
    const count = h('output', { id: 'preview-count', 'aria-live': 'polite' }, '—');
    const countNote = h(
      'span',
      { class: 'hint' },
      'Add a condition to see how many customers match.',
    );
    const sample = h('div', { class: 'sample' });
    const problems = h('div', { role: 'alert' });
    const name = h('input', { id: 'segment-name', name: 'name', required: true });
    const description = h('textarea', { id: 'segment-description', name: 'description', rows: 2 });
    const matchAll = h('input', {
      type: 'radio',
      name: 'match',
      id: 'match-all',
      value: 'and',
      checked: true,
    });
    const matchAny = h('input', { type: 'radio', name: 'match', id: 'match-any', value: 'or' });

    /** @returns {unknown} */
    const currentRule = () => {
      const children = rows.map((row) => row.read());
      if (children.length === 0 || children.some((child) => child === undefined)) return undefined;
      return { type: matchAny.checked ? 'or' : 'and', children };
    };

    /** @param {unknown} error */
    const showProblems = (error) => problems.replaceChildren(problemList(error));

    const refreshPreview = debounce(async () => {
      const rule = currentRule();
      const sequence = ++previewSequence;
      if (rule === undefined) {
        count.textContent = '—';
        countNote.textContent = 'Complete every condition to see how many customers match.';
        sample.replaceChildren();
        return;
      }
      countNote.textContent = 'Counting…';
      try {
        /** @type {{ count: number, sample: SampleMember[] }} */
        const preview = await api.post('v1/segments/preview', { rule });
        // A slower answer to an older rule must not overwrite the newer one.
        if (sequence !== previewSequence) return;
        problems.replaceChildren();
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

    const addRow = () => {
      const row = conditionRow(refreshPreview, (removed) => {
        rows = rows.filter((r) => r !== removed);
        removed.element.remove();
        refreshPreview();
      });
      rows = [...rows, row];
      list.append(row.element);
      row.element.querySelector('select')?.focus();
      refreshPreview();
    };
    matchAll.addEventListener('change', refreshPreview);
    matchAny.addEventListener('change', refreshPreview);

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
      h(
        'fieldset',
        { class: 'match' },
        h('legend', {}, 'Customers must match'),
        matchAll,
        h('label', { for: 'match-all' }, 'all conditions'),
        matchAny,
        h('label', { for: 'match-any' }, 'any condition'),
      ),
      list,
      h('button', { type: 'button', class: 'secondary', onclick: addRow }, 'Add condition'),
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
    addRow();
  },
};
