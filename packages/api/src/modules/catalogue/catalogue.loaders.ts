import DataLoader from 'dataloader';
import { byIdLoader, groupBy, type LoaderContext } from '../../platform/loaders.js';
import { catalogueScope } from './catalogue-scope.js';
import { LearningModule } from './learning-module.entity.js';
import { LearningTrack } from './learning-track.entity.js';

export function catalogueLoaders({ em, access }: LoaderContext) {
  const tracks = em.getRepository(LearningTrack);
  const modules = em.getRepository(LearningModule);
  return {
    /** A learning track the caller may see, or null. */
    learningTrack: byIdLoader(async (ids) => tracks.findByIds(ids, await catalogueScope(em, access))),
    /** A learning module the caller may see, or null. */
    learningModule: byIdLoader(async (ids) => modules.findByIds(ids, await catalogueScope(em, access))),
    /** The modules of a track the caller may see, by title. */
    modulesOfTrack: new DataLoader<string, LearningModule[]>(async (trackIds) =>
      groupBy(trackIds, await modules.findByTracks(trackIds, await catalogueScope(em, access)), (module) => module.track.id),
    ),
  };
}

declare module '../../platform/loaders.js' {
  interface Loaders extends ReturnType<typeof catalogueLoaders> {}
}
