import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { useCongress } from './stores/congress.js';
import { startLiveUpdates } from './stores/live.js';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  startLiveUpdates();
  void useCongress.getState().load();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
