import { teamMatcher } from './team-matcher';

describe('teamMatcher', () => {
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
