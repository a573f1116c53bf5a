// First: no schema may be built before zod knows it must not eval (lib/no-eval.ts).
import './lib/no-eval.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { setCallHooks } from './api/index.js';
import { startLiveQueries } from './api/queries.js';
import { useCongress } from './app/congress.js';
import { askAcknowledgement } from './app/warnings.js';
import { askChief } from './features/operators/chief-store.js';
import { startStationWatch, waitForSignIn } from './features/operators/station-store.js';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  // A write refused for who is at the keyboard (the lock screen, or the chief scrutineer's PIN),
  // or until its warnings are acknowledged.
  setCallHooks({ locked: waitForSignIn, chiefRequired: askChief, warnings: askAcknowledgement });
  startLiveQueries();
  startStationWatch();
  void useCongress.getState().load();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
