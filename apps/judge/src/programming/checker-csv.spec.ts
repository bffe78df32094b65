import { parseCheckerCsv, teamMatcher } from './checker-csv';

describe('checker CSV', () => {
  it('reads a header, semicolons, quotes and a BOM', () => {
    const rows = parseCheckerCsv('\uFEFFteam;task;points\n"Қыран; 1";A;70\nТұлпар;B;x\n\n');
    expect(rows).toEqual([
      { line: 2, team: 'Қыран; 1', task: 'A', points: 70 },
      { line: 3, team: 'Тұлпар', task: 'B', points: null },
    ]);
  });

  it('finds teams by id, exact name or a name typed without Kazakh letters', () => {
    const find = teamMatcher([
      { id: 't1', name: 'Қыран' },
      { id: 't2', name: 'Тұлпар' },
    ]);
    expect(find('t2')).toBe('t2');
    expect(find('кыран')).toBe('t1');
    expect(find('Барыс')).toBeNull();
  });

  it('finds no team when a loose name fits two', () => {
    const find = teamMatcher([
      { id: 't1', name: 'Қыран' },
      { id: 't2', name: 'Кыран' },
    ]);
    expect(find('Қыран')).toBe('t1');
    expect(find('КЫРАН')).toBeNull();
  });
});
