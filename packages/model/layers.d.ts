// Types of layers.js (the floors of the model, read by eslint.config.js and the architecture test).
export declare const LAYERS: Readonly<Record<string, readonly string[]>>;
export declare function layerRules(root?: string): { files: string[]; rules: Record<string, unknown> }[];
