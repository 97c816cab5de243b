/**
 * The sandboxed preload: exposes `window.arshjul`, an `ArshjulApi` made only of named functions
 * that invoke their CHANNELS entry. No ipcRenderer, no Node, no generic channel access.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { cleanInvoke, createApi } from './api.js';

contextBridge.exposeInMainWorld(
  'arshjul',
  createApi(
    cleanInvoke((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
    // Only the save request is listened to (createApi names the channel); the event object never
    // reaches the page.
    (channel, listener) => {
      ipcRenderer.on(channel, (_event, ...args: unknown[]) => listener(...args));
    },
  ),
);
