// Defines <harness-connect> before Vue mounts: Vue then sets `connect` on an element that already has the
// element's own `connect` property (set on a not-yet-defined element, the value would hide that property).
import { defineHarnessConnectElement } from 'harness-connect/element';
import { createApp } from 'vue';
import App from './App.vue';
import './style.css';

defineHarnessConnectElement();
createApp(App).mount('#app');
