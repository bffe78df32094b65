import {
  emptyLine,
  emptyMatch,
  linesOfDraft,
  matchesOfDraft,
  sheetCodeIn,
  type LineDraft,
  type MatchDraft,
} from './sheet-draft';

describe('a typed paper sheet', () => {
  const draft = (lines: [number, Partial<LineDraft>][]) =>
    new Map(lines.map(([row, line]) => [row, { ...emptyLine(), ...line }]));

  it('sends the lines marked, in sheet order, times read as a person writes them', () => {
    const { lines, problems } = linesOfDraft(
      draft([
        [3, { outcome: 'no-start', time: '1:00' }],
        [1, { outcome: 'finished', time: '1:02,35', touches: '2' }],
        [2, { outcome: 'blank', time: '0:40' }],
      ]),
    );
    expect(problems.size).toBe(0);
    expect(lines).toEqual([
      { row: 1, outcome: 'finished', timeMs: 62_350, touches: 2, checkpoints: [] },
      { row: 3, outcome: 'not-finished', timeMs: null, touches: 0, checkpoints: [], noStart: true },
    ]);
  });

  it('names the boxes that are not a time or a count, and sends nothing of those lines', () => {
    const { lines, problems } = linesOfDraft(
      draft([[1, { outcome: 'finished', time: '1.02.35', touches: '-1' }]]),
    );
    expect(lines).toEqual([]);
    expect(problems.get(1)).toEqual({
      time: 'judge.sheet.badTime',
      touches: 'judge.sheet.badTouches',
    });
  });

  it('reads the code from the QR text or as typed', () => {
    expect(sheetCodeIn('olympiad-sheet:2WM890DE5J?stage=s&round=1')).toBe('2WM890DE5J');
    expect(sheetCodeIn(' 2wm89-0de5j ')).toBe('2WM890DE5J');
    expect(sheetCodeIn('https://example.com')).toBeNull();
  });
});

describe('a typed ring sheet', () => {
  it('sends the rounds marked, in order, and who did not come; untouched lines stay out', () => {
    const drafts = new Map<number, MatchDraft>([
      [2, { rounds: ['a', null, 'draw'], noShow: 'none' }],
      [1, { rounds: [null, null, null], noShow: 'b' }],
      [3, emptyMatch(3)],
    ]);
    expect(matchesOfDraft(drafts)).toEqual([
      { row: 1, rounds: [], noShow: 'b' },
      { row: 2, rounds: ['a', 'draw'], noShow: null },
    ]);
  });
});
