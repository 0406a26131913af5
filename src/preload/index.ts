import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

// Sandboxed and CommonJS (electron.vite.config.ts): window.studio is invoke and onEvent, nothing else.
contextBridge.exposeInMainWorld('studio', createBridge(ipcRenderer));
