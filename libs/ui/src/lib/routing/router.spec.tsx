import { act, fireEvent, render, screen } from '@testing-library/react';
import { Link, matchPath, navigate, useLocation } from './router';

describe('matchPath', () => {
  it('reads named segments', () => {
    expect(matchPath('/s/:stageCode', '/s/AKM-2025')).toEqual({ stageCode: 'AKM-2025' });
  });

  it('ignores a trailing slash and decodes segments', () => {
    expect(matchPath('/hall/:stageCode', '/hall/%D0%90%D0%9B%D0%9C/')).toEqual({
      stageCode: 'АЛМ',
    });
  });

  it('does not match other paths', () => {
    expect(matchPath('/s/:stageCode', '/hall/AKM')).toBeNull();
    expect(matchPath('/s/:stageCode', '/s/AKM/extra')).toBeNull();
    expect(matchPath('/', '/s/AKM')).toBeNull();
  });
});

function WhereAmI() {
  const { pathname, search } = useLocation();
  return (
    <>
      <p data-testid="where">{pathname + (search.get('c') ? `?c=${search.get('c')}` : '')}</p>
      <Link href="/s/AKM">stage</Link>
    </>
  );
}

describe('navigate and Link', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));

  it('updates the components that read the location', () => {
    render(<WhereAmI />);
    act(() => navigate('/hall/AKM?c=42'));
    expect(screen.getByTestId('where').textContent).toBe('/hall/AKM?c=42');
  });

  it('navigates on a plain click without reloading', () => {
    render(<WhereAmI />);
    fireEvent.click(screen.getByText('stage'));
    expect(window.location.pathname).toBe('/s/AKM');
    expect(screen.getByTestId('where').textContent).toBe('/s/AKM');
  });
});
