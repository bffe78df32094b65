import { render, screen } from '@testing-library/react';
import { StatusBanner } from './status-banner';

describe('StatusBanner', () => {
  it('announces an error at once', () => {
    render(<StatusBanner kind="error">Server down</StatusBanner>);
    expect(screen.getByRole('alert').textContent).toContain('Server down');
  });

  it('announces offline and loading politely', () => {
    render(
      <>
        <StatusBanner kind="offline">No connection</StatusBanner>
        <StatusBanner kind="loading">Loading</StatusBanner>
      </>,
    );
    expect(screen.getAllByRole('status').map((banner) => banner.textContent)).toEqual([
      'No connection',
      'Loading',
    ]);
  });
});
