import { categoriesOfFields } from './field-categories';

describe('the categories a field runs', () => {
  const categories = [
    { id: 'maze-34', discipline: 'maze' as const },
    { id: 'maze-56', discipline: 'maze' as const },
    { id: 'sumo-34', discipline: 'sumo' as const },
  ];
  const fields = [
    { id: 'table-1', discipline: 'maze' as const },
    { id: 'table-2', discipline: 'maze' as const },
    { id: 'ring', discipline: 'sumo' as const },
  ];

  it('are those of the active judges standing at it, of the field’s discipline, in category order', () => {
    const sut = categoriesOfFields(fields, categories, [
      { active: true, categoryIds: ['maze-56', 'sumo-34', 'maze-34'], fieldIds: ['table-1'] },
      { active: true, categoryIds: ['maze-56'], fieldIds: ['table-2', 'elsewhere'] },
      { active: true, categoryIds: ['sumo-34'], fieldIds: ['ring'] },
      { active: false, categoryIds: ['maze-34'], fieldIds: ['table-2'] },
      { active: true, categoryIds: ['maze-34'], fieldIds: [] },
    ]);
    expect(Object.fromEntries(sut)).toEqual({
      'table-1': ['maze-34', 'maze-56'],
      'table-2': ['maze-56'],
      ring: ['sumo-34'],
    });
  });

  it('is nothing for a field no judge stands at', () => {
    expect(categoriesOfFields(fields, categories, []).get('table-1')).toEqual([]);
  });
});
