import { unsettledReason } from './unsettled';

describe('unsettledReason', () => {
  const timed = { unconfirmed: { primary: 107_981, display: '1:47.981' } };

  it('is null when every row is settled', () => {
    expect(unsettledReason([])).toBeNull();
    expect(unsettledReason([{}, {}])).toBeNull();
  });

  it('names a sensor time awaiting the judge, and an attempt awaiting its second entry or review', () => {
    expect(unsettledReason([{}, timed])).toBe('unconfirmed');
    expect(unsettledReason([{ review: 'awaiting-second' }])).toBe('review');
    expect(unsettledReason([{}, { review: 'in-review' }])).toBe('review');
  });

  it('names the sensor time first when both are pending', () => {
    expect(unsettledReason([{ review: 'in-review' }, timed])).toBe('unconfirmed');
  });
});
