/// <reference types="vite/client" />

// Single-file components, for TypeScript in editors (Vite compiles them with @vitejs/plugin-vue).
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
