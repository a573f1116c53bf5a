import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { setCallHooks } from './api/index.js';
import { askChief } from './stores/chief.js';
import { useCongress } from './stores/congress.js';
import { startLiveUpdates } from './stores/live.js';
import { startStationWatch, waitForSignIn } from './stores/station.js';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  // A write refused for who is at the keyboard: the lock screen, or the chief scrutineer's PIN.
  setCallHooks({ locked: waitForSignIn, chiefRequired: askChief });
  startLiveUpdates();
  startStationWatch();
  void useCongress.getState().load();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
