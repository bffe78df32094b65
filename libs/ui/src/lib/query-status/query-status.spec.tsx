import { fireEvent, render, screen } from '@testing-library/react';
import type { QueryState } from '../api/use-query';
import { ApiError } from '../api/api-error';
import { LanguageProvider } from '../language/language-context';
import { QueryStatus, queryPending } from './query-status';

function renderStatus<T>(
  state: QueryState<T>,
  extra: { empty?: string; isEmpty?: (data: T) => boolean } = {},
) {
  const reload = jest.fn();
  const view = render(
    <LanguageProvider initial="en">
      <QueryStatus query={{ ...state, reload }} {...extra} />
    </LanguageProvider>,
  );
  return { reload, view };
}

describe('QueryStatus', () => {
  it('shows the loading banner while the first load runs', () => {
    renderStatus({ status: 'loading' });
    expect(screen.getByRole('status').textContent).toBe('Loading…');
  });

  it('keeps quiet while a reload runs over data it already has', () => {
    const { view } = renderStatus({ status: 'loading', data: [1] }, { empty: 'None' });
    expect(view.container.textContent).toBe('');
  });

  it('shows the error in the current language with a Try again button that reloads', () => {
    const { reload } = renderStatus({
      status: 'error',
      error: new ApiError(404, 'errors.notFound', 'Not Found'),
      data: [1],
    });
    expect(screen.getByRole('alert').textContent).toContain('Not found');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('names an error that is not an API answer as unexpected', () => {
    renderStatus({ status: 'error', error: new Error('boom') });
    expect(screen.getByRole('alert').textContent).toContain('Something unexpected happened.');
  });

  it('shows the empty notice for an empty list, and nothing for a list with rows', () => {
    const empty = renderStatus({ status: 'ready', data: [] }, { empty: 'No teams yet' });
    expect(empty.view.container.textContent).toBe('No teams yet');
    empty.view.unmount();
    const full = renderStatus({ status: 'ready', data: ['a'] }, { empty: 'No teams yet' });
    expect(full.view.container.textContent).toBe('');
  });

  it('asks the caller when the data is empty if told how', () => {
    const { view } = renderStatus(
      { status: 'ready', data: { rows: [] as string[] } },
      { empty: 'No results', isEmpty: (data) => data.rows.length === 0 },
    );
    expect(view.container.textContent).toBe('No results');
  });
});

describe('queryPending', () => {
  it('is true until there is data, and on any failure', () => {
    expect(queryPending({ status: 'loading' })).toBe(true);
    expect(queryPending({ status: 'loading', data: [] })).toBe(false);
    expect(queryPending({ status: 'error', error: 1, data: [] })).toBe(true);
    expect(queryPending({ status: 'ready', data: [] })).toBe(false);
  });
});
