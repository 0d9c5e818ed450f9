// Requests the page needs start before the rest of the app is evaluated (boot.ts).
import './boot.ts';
// Shared styles first so each feature's sheet (imported by its component) cascades after them.
import './styles/index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
