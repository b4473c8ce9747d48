/**
 * The one part of jsdom the server-render tests use: parsing the server's markup into a document to query.
 * jsdom ships no types of its own, and this declaration of that one constructor spares a dependency on
 * @types/jsdom.
 */
declare module 'jsdom' {
  export class JSDOM {
    constructor(html: string);
    readonly window: { readonly document: Document };
  }
}
