// Requests the page needs start before the rest of the app is evaluated (boot.ts).
import { renewalSent } from './boot.ts';
// Shared styles first so each feature's sheet (imported by its component) cascades after them.
import './styles/index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';

const root = document.getElementById('root');
// At most a moment: a renewal another tab holds the lock for does not keep this one blank.
if (root)
  void Promise.race([renewalSent, new Promise((r) => setTimeout(r, 100))]).then(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
