/** What a clerk can do to one delegate from any list at the desk. */
export type DelegateAction = 'checkIn' | 'leave' | 'absent' | 'reset';
