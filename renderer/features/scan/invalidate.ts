import { queryClient } from '../../api/queries.js';

/** The round's page list is read again (pages added here; the change event does the same for other windows). */
export const invalidatePages = (roundId: number): void => {
  void queryClient.invalidateQueries({ queryKey: ['scan.pages', { roundId }] });
};
