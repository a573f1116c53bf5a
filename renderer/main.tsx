import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { setCallHooks } from './api/index.js';
import { askChief } from './stores/chief.js';
import { useCongress } from './stores/congress.js';
import { startLiveUpdates } from './stores/live.js';
import { startStationWatch, waitForSignIn } from './stores/station.js';
import { askAcknowledgement } from './stores/warnings.js';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  // A write refused for who is at the keyboard (the lock screen, or the chief scrutineer's PIN),
  // or until its warnings are acknowledged.
  setCallHooks({ locked: waitForSignIn, chiefRequired: askChief, warnings: askAcknowledgement });
  startLiveUpdates();
  startStationWatch();
  void useCongress.getState().load();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
