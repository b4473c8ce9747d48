/** A stylesheet imported as text (`import css from './styles.css?inline'`): Vite inlines it, minified in builds. */
declare module '*.css?inline' {
  const css: string;
  export default css;
}
