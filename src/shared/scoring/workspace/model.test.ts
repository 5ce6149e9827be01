import { workspaceTrainingMayShare } from './model';

describe('workspaceTrainingMayShare', () => {
  it('starts a helper only when the rows left after the validation deals and the hold-out reach 8,192', () => {
    // L's 8,967 closed deals leave 5,380 fitted rows: its training runs alone, no thread started.
    expect(workspaceTrainingMayShare(8_967)).toBe(false);
    expect(workspaceTrainingMayShare(13_650)).toBe(false);
    expect(workspaceTrainingMayShare(13_654)).toBe(true);
  });
});
