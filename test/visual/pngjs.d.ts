// The part of pngjs (a dev dependency that ships no types) the visual tests use: decoding and encoding PNGs
// synchronously, and a blank image to draw a diff into.
declare module 'pngjs' {
  export class PNG {
    constructor(options: { width: number; height: number });
    width: number;
    height: number;
    /** RGBA, 4 bytes a pixel, row by row. */
    data: Buffer;
    static sync: {
      read(buffer: Buffer): PNG;
      write(png: PNG): Buffer;
    };
  }
}
