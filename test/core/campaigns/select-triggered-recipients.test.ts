import { describe, expect, it } from 'vitest';
import { selectTriggeredRecipients } from '../../../core/campaigns/select-triggered-recipients';
import { campaign } from './fixtures';

const live = campaign({
  kind: 'triggered',
  status: 'sending',
  audience: { segmentIds: ['seg-at-risk'], excludedSegmentIds: [] },
});

describe('selectTriggeredRecipients', () => {
  it('returns each entry into a triggering segment once', () => {
    const selected = selectTriggeredRecipients({
      campaign: live,
      entered: [
        { customerId: 'c-1', segmentId: 'seg-at-risk', enteredAt: '2026-03-10T12:00:00Z' },
        { customerId: 'c-1', segmentId: 'seg-at-risk', enteredAt: '2026-03-10T12:00:00.000Z' },
        { customerId: 'c-2', segmentId: 'seg-vip', enteredAt: '2026-03-10T12:00:00Z' },
      ],
    });
    expect(selected).toEqual([
      {
        customerId: 'c-1',
        segmentId: 'seg-at-risk',
        enteredAt: '2026-03-10T12:00:00.000Z',
        outboxId: 'c-1#2026-03-10T12:00:00.000Z',
      },
    ]);
  });

  it('gives a later entry of the same customer an outbox record of its own', () => {
    const first = {
      customerId: 'c-1',
      segmentId: 'seg-at-risk',
      enteredAt: '2026-03-01T00:00:00.000Z',
    };
    const again = { ...first, enteredAt: '2026-03-20T00:00:00.000Z' };
    const selected = selectTriggeredRecipients({ campaign: live, entered: [first, again] });
    expect(selected.map((s) => s.outboxId)).toEqual([
      'c-1#2026-03-01T00:00:00.000Z',
      'c-1#2026-03-20T00:00:00.000Z',
    ]);
  });

  it('returns nobody while the campaign is not live or not triggered', () => {
    const entered = [
      { customerId: 'c-1', segmentId: 'seg-at-risk', enteredAt: '2026-03-10T12:00:00Z' },
    ];
    expect(selectTriggeredRecipients({ campaign: { ...live, status: 'paused' }, entered })).toEqual(
      [],
    );
    expect(
      selectTriggeredRecipients({ campaign: { ...live, kind: 'broadcast' }, entered }),
    ).toEqual([]);
  });
});
