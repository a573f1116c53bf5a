import { PIN_MAX_DIGITS, PIN_MIN_DIGITS } from '../../../core/model/operators.js';

/** Only digits, at most 12: what a PIN is (core/contract/operators.ts). */
export const pinDigits = (value: string): string => value.replace(/\D/g, '').slice(0, PIN_MAX_DIGITS);

/** A new or changed PIN: 6–12 digits. A shorter one set before still signs in (the lock screen takes any). */
export const PIN_PATTERN = new RegExp(`^\\d{${PIN_MIN_DIGITS},${PIN_MAX_DIGITS}}$`);
