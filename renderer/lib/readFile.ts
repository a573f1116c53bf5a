/** Reads a picked file as base64 (no data: prefix), as `roster.preview` wants it. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      const comma = url.indexOf(',');
      resolve(comma >= 0 ? url.slice(comma + 1) : '');
    };
    reader.readAsDataURL(file);
  });
}

/** The contract accepts 64 MiB of base64: about 48 MB of file. */
export const MAX_ROSTER_BYTES = 48 * 1024 * 1024;
