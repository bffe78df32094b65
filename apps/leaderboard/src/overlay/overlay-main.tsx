import { parseOverlayParams } from '@olympiad/contracts';
import { LanguageProvider } from '@olympiad/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OverlayPage } from './overlay-page';
// The tables and podium as the hall draws them; the overlay's own rules come last.
import '../app/leaderboard.css';
import '../hall/hall.css';
import './overlay.css';

// A page of its own (overlay.html), so nothing of it is in a phone's first load.
const params = parseOverlayParams(new URLSearchParams(window.location.search));
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <LanguageProvider initial={params?.lang ?? 'kk'}>
        {params ? <OverlayPage params={params} /> : null}
      </LanguageProvider>
    </StrictMode>,
  );
}
