export declare const DEFAULT_CHROMIUM_PATH: '/usr/bin/chromium';
export declare function chromiumPath(): string;
export declare function hasChromium(): boolean;
export declare const CHROMIUM_ARGS: readonly string[];
