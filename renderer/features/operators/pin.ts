/** Only digits, at most 12: what a PIN is (core/contract.ts: 4–12 digits). */
export const pinDigits = (value: string): string => value.replace(/\D/g, '').slice(0, 12);
