import { t, type Lang, type MessageKey, type MessageParams } from '@olympiad/i18n';
import { auditChangeLines } from './audit-change-text';

const translate = (lang: Lang) => (key: MessageKey, params?: MessageParams) => t(lang, key, params);

describe('auditChangeLines', () => {
  it('names the field and the status in the reader’s language', () => {
    const entry = {
      object: { kind: 'team' as const, id: 'x', name: 'Қыран' },
      before: { status: 'active' },
      after: { status: 'withdrawn' },
    };
    expect(auditChangeLines(entry, 'ru', translate('ru'))).toEqual(['статус: Участвует → Снята']);
    expect(auditChangeLines(entry, 'kk', translate('kk'))).toEqual([
      'мәртебе: Қатысуда → Қатысудан бас тартты',
    ]);
  });

  it('writes a time in 24 h, a missing value as none, and keeps a rule parameter’s own name', () => {
    const lines = auditChangeLines(
      {
        object: { kind: 'category', id: 'c', name: 'Maze' },
        before: { lockedAt: null, attempts: 3 },
        after: { lockedAt: '2026-12-06T09:15:00.000Z', attempts: 4 },
      },
      'en',
      translate('en'),
    );
    expect(lines[0]).toMatch(/^locked at: none → .*2026, \d{2}:15$/);
    expect(lines[1]).toBe('attempts: 3 → 4');
  });

  it('lists what was created, and nothing for an action without a change', () => {
    const object = { kind: 'judge' as const, id: 'j', name: 'Дана' };
    expect(
      auditChangeLines(
        { object, before: null, after: { role: 'judge', active: true } },
        'en',
        translate('en'),
      ),
    ).toEqual(['role: judge', 'active: yes']);
    expect(auditChangeLines({ object, before: null, after: null }, 'en', translate('en'))).toEqual(
      [],
    );
  });
});
