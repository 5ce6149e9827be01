// Pure (shared): the title of an action's what-if, in a module of its own so the renderer can
// match a Today card's action to its what-if without importing the scoring engine (what-if.ts
// brings the model and the learner with it).

/** "Meet economic buyer Carla Finance this week". */
export const whatIfTitle = (actionTitle: string): string => `${actionTitle} this week`;
