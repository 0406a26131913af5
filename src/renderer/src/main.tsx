import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles/theme.css';
import './styles/layout.css';
import './styles/categories.css';
import './styles/facts.css';
import './styles/overlay.css';
import './styles/panels.css';
import { App } from './app/App';
import { startStudio } from './actions/session';
import { installCategoryColors } from './styles/categoryColors';

// Before the first render, so no layer is ever drawn without its group colour.
installCategoryColors(document.documentElement);
startStudio();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
