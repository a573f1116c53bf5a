/** Whether dist/renderer is older than what it is built from (renderer-build.mjs). */
export function rendererIsStale(): boolean;
