import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { readWorkspaceEarly } from './reader/early-workspace';
import './styles.css';

readWorkspaceEarly({ path: window.location.pathname, params: new URLSearchParams(window.location.search) });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
