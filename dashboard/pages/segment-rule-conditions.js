// @ts-check
import { h } from '../shared/dom.js';
import { SEGMENT_KINDS, segmentFamilies } from '../shared/segment-kinds.js';
import { DATE_OPERATORS, OPERATORS, ruleValue } from './segment-rule-fields.js';

const OTHER_ATTRIBUTE = 'attributes.';

/**
 * Each editor reads to a rule node, or undefined while incomplete. `controls` collects the rule
 * path (`rule.children.0.value`, as the API's 400 names it) of every value a control set, so an
 * issue can be shown next to the control it concerns.
 * @typedef {Map<string, HTMLElement>} Controls
 * @typedef {{ parts: Node[], read: (path: string, controls: Controls) => unknown }} ConditionKind
 * @typedef {{ element: HTMLFieldSetElement, focus: () => void, read: (path: string, controls: Controls) => unknown }} ConditionEditor
 * @typedef {import('../shared/api-types.js').SegmentSummary} SegmentSummary
 * @typedef {import('./segment-rule-fields.js').RuleCatalog} RuleCatalog
 * @typedef {{ segments: SegmentSummary[], catalog: RuleCatalog }} Vocabulary what conditions can name
 */

let nextId = 1;

/** @param {string} id @param {string} text */
const label = (id, text) => h('label', { for: id }, text);

/** @param {HTMLInputElement} input */
const filled = (input) => !input.hidden && input.value.trim() !== '';

/**
 * "Recency score is at least 4": a field, an operator and what to compare with.
 * @param {string} id
 * @param {() => void} onChange
 * @param {Vocabulary} vocabulary
 * @returns {ConditionKind}
 */
const compareKind = (id, onChange, { catalog }) => {
  const fields = catalog.fields;
  const field = h(
    'select',
    { id: `${id}-field` },
    ...[...new Set(fields.map((f) => f.group))].map((group) =>
      h(
        'optgroup',
        { label: group },
        ...fields
          .filter((f) => f.group === group)
          .map((f) => h('option', { value: f.path }, f.label)),
      ),
    ),
    h('option', { value: OTHER_ATTRIBUTE }, 'Other attribute (export column)…'),
  );
  const attribute = h('input', { id: `${id}-attribute`, placeholder: 'e.g. MntWines' });
  const attributeLabel = label(`${id}-attribute`, 'Column');
  const op = h('select', { id: `${id}-op` });
  const value = h('input', { id: `${id}-value`, autocomplete: 'off' });
  const high = h('input', { id: `${id}-high`, autocomplete: 'off', 'aria-label': 'and' });
  const fieldType = () => fields.find((f) => f.path === field.value)?.type ?? 'text';

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
  for (const select of [field, op]) select.addEventListener('change', sync);
  for (const input of [value, high, attribute]) input.addEventListener('input', onChange);
  sync();

  return {
    parts: [
      label(`${id}-field`, 'Field'),
      field,
      attributeLabel,
      attribute,
      label(`${id}-op`, 'Operator'),
      op,
      label(`${id}-value`, 'Value'),
      value,
      high,
    ],
    read: (path, controls) => {
      const custom = field.value === OTHER_ATTRIBUTE;
      controls.set(path, field);
      controls.set(`${path}.field`, custom ? attribute : field);
      controls.set(`${path}.op`, op);
      controls.set(`${path}.value`, value);
      if (custom && !filled(attribute)) return undefined;
      if ((!value.hidden && !filled(value)) || (!high.hidden && !filled(high))) return undefined;
      return {
        type: 'compare',
        field: custom ? `${OTHER_ATTRIBUTE}${attribute.value.trim()}` : field.value,
        op: op.value,
        value: ruleValue(fieldType(), op.value, value.value, high.value),
      };
    },
  };
};

/**
 * "Last order is within the last 30 days", "signed up before 2026-01-01".
 * @param {string} id
 * @param {() => void} onChange
 * @param {Vocabulary} vocabulary
 * @returns {ConditionKind}
 */
const dateKind = (id, onChange, { catalog }) => {
  const field = h(
    'select',
    { id: `${id}-date-field` },
    ...catalog.dateFields.map((f) => h('option', { value: f.path }, f.label)),
  );
  const op = h(
    'select',
    { id: `${id}-date-op` },
    ...DATE_OPERATORS.map(([code, words]) => h('option', { value: code }, words)),
  );
  const days = h('input', { id: `${id}-days`, type: 'number', min: 1, step: 1 });
  const daysLabel = label(`${id}-days`, 'Days');
  const date = h('input', { id: `${id}-date`, type: 'date' });
  const dateLabel = label(`${id}-date`, 'Date');
  const sync = () => {
    const relative = op.value === 'within_last';
    days.hidden = !relative;
    daysLabel.hidden = !relative;
    date.hidden = relative;
    dateLabel.hidden = relative;
  };
  op.addEventListener('change', sync);
  for (const input of [days, date]) input.addEventListener('input', onChange);
  sync();

  return {
    parts: [
      label(`${id}-date-field`, 'Date of'),
      field,
      label(`${id}-date-op`, 'When'),
      op,
      daysLabel,
      days,
      dateLabel,
      date,
    ],
    read: (path, controls) => {
      controls.set(path, field);
      controls.set(`${path}.field`, field);
      controls.set(`${path}.days`, days);
      controls.set(`${path}.date`, date);
      if (op.value === 'within_last') {
        return filled(days)
          ? { type: 'within_last', field: field.value, days: Number(days.value) }
          : undefined;
      }
      return filled(date) ? { type: op.value, field: field.value, date: date.value } : undefined;
    },
  };
};

/**
 * "Performed added_to_cart at least 2 times within the last 30 days".
 * @param {string} id
 * @param {() => void} onChange
 * @param {Vocabulary} vocabulary
 * @returns {ConditionKind}
 */
const eventKind = (id, onChange, { catalog }) => {
  const eventType = h('input', {
    id: `${id}-event`,
    list: `${id}-event-types`,
    autocomplete: 'off',
    placeholder: 'e.g. added_to_cart',
  });
  const suggestions = h(
    'datalist',
    { id: `${id}-event-types` },
    ...catalog.eventTypes.map((type) => h('option', { value: type })),
  );
  const min = h('input', { id: `${id}-min`, type: 'number', min: 0, step: 1, value: 1 });
  const max = h('input', { id: `${id}-max`, type: 'number', min: 0, step: 1 });
  const withinDays = h('input', { id: `${id}-within`, type: 'number', min: 1, step: 1 });
  for (const input of [eventType, min, max, withinDays]) input.addEventListener('input', onChange);

  return {
    parts: [
      label(`${id}-event`, 'Event'),
      eventType,
      suggestions,
      label(`${id}-min`, 'at least (times)'),
      min,
      label(`${id}-max`, 'at most (times, optional)'),
      max,
      label(`${id}-within`, 'within the last (days; empty for ever)'),
      withinDays,
    ],
    read: (path, controls) => {
      controls.set(path, eventType);
      controls.set(`${path}.eventType`, eventType);
      controls.set(`${path}.min`, min);
      controls.set(`${path}.max`, max);
      controls.set(`${path}.withinDays`, withinDays);
      if (!filled(eventType)) return undefined;
      return {
        type: 'event',
        eventType: eventType.value.trim(),
        ...(filled(min) ? { min: Number(min.value) } : {}),
        ...(filled(max) ? { max: Number(max.value) } : {}),
        ...(filled(withinDays) ? { withinDays: Number(withinDays.value) } : {}),
      };
    },
  };
};

/** Your own segments first: those are what a marketer most often builds on. */
const CHOICE_ORDER = [
  ...SEGMENT_KINDS.filter(([kind]) => kind === 'rule'),
  ...SEGMENT_KINDS.filter(([kind]) => kind !== 'rule'),
];

/**
 * "Is in segment Champions" / "is not in segment Lost", from the segments the API lists.
 * @param {string} id
 * @param {() => void} onChange
 * @param {Vocabulary} vocabulary
 * @returns {ConditionKind}
 */
const segmentKind = (id, onChange, { segments }) => {
  const membership = h(
    'select',
    { id: `${id}-membership` },
    h('option', { value: 'in' }, 'is in'),
    h('option', { value: 'not_in' }, 'is not in'),
  );
  const segment = h(
    'select',
    { id: `${id}-segment` },
    h('option', { value: '' }, 'Choose a segment…'),
    ...segmentFamilies(segments, CHOICE_ORDER).map((family) =>
      h(
        'optgroup',
        { label: family.words },
        ...family.segments.map((s) => h('option', { value: s.segmentId }, s.name)),
      ),
    ),
  );
  segment.addEventListener('change', onChange);

  return {
    parts: [
      label(`${id}-membership`, 'Customer'),
      membership,
      label(`${id}-segment`, 'Segment'),
      segment,
    ],
    read: (path, controls) => {
      const negated = membership.value === 'not_in';
      const nodePath = negated ? `${path}.child` : path;
      controls.set(path, membership);
      controls.set(nodePath, segment);
      controls.set(`${nodePath}.segmentId`, segment);
      if (segment.value === '') return undefined;
      const node = { type: 'segment', segmentId: segment.value };
      return negated ? { type: 'not', child: node } : node;
    },
  };
};

/** @type {[string, string, (id: string, onChange: () => void, vocabulary: Vocabulary) => ConditionKind][]} */
const KINDS = [
  ['compare', 'a customer field', compareKind],
  ['date', 'a date', dateKind],
  ['event', 'an event they performed', eventKind],
  ['segment', 'segment membership', segmentKind],
];

/**
 * One condition: what it is about (a field, a date, an event, another segment), then that kind's
 * controls. Changing the kind starts its controls afresh.
 * @param {{ vocabulary: Vocabulary, onChange: () => void, onRemove: (editor: ConditionEditor) => void }} options
 * @returns {ConditionEditor}
 */
export const conditionEditor = ({ vocabulary, onChange, onRemove }) => {
  const id = `condition-${nextId++}`;
  const kind = h(
    'select',
    { id: `${id}-kind` },
    ...KINDS.map(([code, words]) => h('option', { value: code }, words)),
  );
  const body = h('span', { class: 'condition-body' });
  /** @type {ConditionKind} */
  let current = compareKind(id, onChange, vocabulary);
  body.replaceChildren(...current.parts);
  kind.addEventListener('change', () => {
    const make = KINDS.find(([code]) => code === kind.value)?.[2] ?? compareKind;
    current = make(id, onChange, vocabulary);
    body.replaceChildren(...current.parts);
  });
  // Selects change the rule without an input event; one listener covers every kind's selects.
  body.addEventListener('change', onChange);
  kind.addEventListener('change', onChange);

  /** @type {ConditionEditor} */
  const editor = {
    element: h(
      'fieldset',
      { class: 'condition' },
      h('legend', { class: 'visually-hidden' }, 'Condition'),
      label(`${id}-kind`, 'Condition on'),
      kind,
      body,
      h(
        'button',
        { type: 'button', class: 'secondary', onclick: () => onRemove(editor) },
        'Remove condition',
      ),
    ),
    focus: () => kind.focus(),
    read: (path, controls) => current.read(path, controls),
  };
  return editor;
};
